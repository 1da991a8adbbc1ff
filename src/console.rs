//! The steward console: an entry point of its own (`steward.html`, served under
//! `/steward/`) with its own wasm, so residents never download it. It shares the library:
//! the same state, storage and components. Links to the resident pages and to the
//! district dashboard (`dashboard.rs`, a program of its own) are full page loads.

use leptos::prelude::*;

use crate::components::shell::AppFrame;
use crate::components::steward::glance::keep_app_badge;
use crate::domain::district::scope::compound_ids;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::backup::BackupPage;
use crate::pages::not_found::NotFound;
use crate::pages::steward::StewardPage;
use crate::pages::steward_report::StewardReportPage;
use crate::pages::steward_take::StewardTakePage;
use crate::platform::shell::in_next_task;
use crate::state::location::use_location;
use crate::state::logs::provide_logs;
use crate::state::records::provide_records;
use crate::state::start::start_app;
use crate::state::steward_session::provide_steward_session;
use crate::state::sync::{SyncStatus, my_compound, provide_sync};
use crate::state::use_state;

/// What the console and the district dashboard start with: the records, the steward
/// session (the dashboard's scoring editor sits behind the same PIN), the logs, and sync
/// for this phone's compound and the compounds of the steward's profile — or, for a
/// street's or community's account (上下联动), the compounds of its street or community.
pub fn start_console(program: Program) {
    // The console's own worker, scoped to /steward/ (`Program::worker`): a steward opens
    // report links offline too.
    start_app(program, provide_records);
    let session = provide_steward_session();
    provide_logs();
    let (mine, stewarded) = (my_compound(), session.my_compounds());
    let compounds = use_state().compounds;
    // The sync status, once there is one: who the server said is signed in.
    let status = StoredValue::new(None::<ReadSignal<SyncStatus>>);
    let (sync, _) = provide_sync(Signal::derive(move || {
        let user = status.get_value().and_then(|s| s.with(|s| s.user.clone()));
        if let Some(tier) = user.and_then(|u| u.tier()) {
            return compounds.with(|c| compound_ids(&tier, &c.0));
        }
        let mut all = mine.get();
        all.extend(stewarded.get());
        all
    }));
    status.set_value(Some(sync.status));
}

#[component]
pub fn ConsoleApp() -> impl IntoView {
    start_console(Program::Console);
    keep_app_badge();
    let location = use_location();
    // The frame first, the page a task later: on a slow phone neither task is long (most
    // of each is the engine compiling what it runs for the first time).
    let framed = RwSignal::new(false);
    in_next_task(move || framed.set(true));
    view! {
        <AppFrame>
            {move || if framed.get() { page(location.route()) } else { ().into_any() }}
        </AppFrame>
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Steward => view! { <StewardPage/> }.into_any(),
        Route::StewardTake => view! { <StewardTakePage/> }.into_any(),
        Route::StewardData => view! { <BackupPage/> }.into_any(),
        Route::StewardReport { id } => view! { <StewardReportPage id/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}
