//! The steward and district console: an entry point of its own (`steward.html`, served
//! under `/steward/` and, as a copy, at `/district`) with its own wasm, so residents never
//! download it. It shares the library:
//! the same state, storage and components. Links to the resident pages are full page
//! loads (the resident app is another program).

use leptos::prelude::*;

use crate::app::start_app;
use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::backup::BackupPage;
use crate::pages::district::DistrictPage;
use crate::pages::not_found::NotFound;
use crate::pages::steward::StewardPage;
use crate::pages::steward_report::StewardReportPage;
use crate::pages::steward_take::StewardTakePage;
use crate::state::district::provide_district;
use crate::state::location::use_location;
use crate::state::logs::provide_logs;
use crate::state::records::provide_records;
use crate::state::steward_session::provide_steward_session;
use crate::state::sync::{my_compound, provide_sync};

#[component]
pub fn ConsoleApp() -> impl IntoView {
    // Its own worker, scoped to /steward/ (`Program::worker`): a steward opens report links
    // offline too.
    start_app(Program::Console, provide_records);
    let session = provide_steward_session();
    provide_logs();
    provide_district();
    // A steward's phone follows the compounds of their profile as well as their own.
    let (mine, stewarded) = (my_compound(), session.my_compounds());
    provide_sync(Signal::derive(move || {
        let mut all = mine.get();
        all.extend(stewarded.get());
        all
    }));
    let location = use_location();
    view! { <AppFrame>{move || page(location.route())}</AppFrame> }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Steward => view! { <StewardPage/> }.into_any(),
        Route::StewardTake => view! { <StewardTakePage/> }.into_any(),
        Route::StewardData => view! { <BackupPage/> }.into_any(),
        Route::StewardReport { id } => view! { <StewardReportPage id/> }.into_any(),
        Route::District => view! { <DistrictPage/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}
