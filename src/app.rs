//! The root component: state, routes, and the frame around them.

use leptos::prelude::*;

use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::handoff::HandoffPage;
use crate::pages::poster::PosterPage;
use crate::pages::records::RecordsPage;
use crate::pages::report_detail::ReportDetailPage;
use crate::pages::report_new::ReportNewPage;
use crate::pages::reports::ReportsPage;
use crate::pages::settings::SettingsPage;
use crate::state::location::use_location;
use crate::state::own_reports::claim_own_reports;
use crate::state::records::provide_records;
use crate::state::start::start_app;
use crate::state::sync::{my_compound, provide_sync};

/// The resident app: every route of the contract but the steward console's. A first visit
/// to the directory or a card gets the smaller browse entry (`browse.rs`) instead.
#[component]
pub fn App() -> impl IntoView {
    start_app(Program::Resident, provide_records);
    let (sync, _) = provide_sync(my_compound());
    claim_own_reports(sync);
    let location = use_location();
    view! { <AppFrame>{move || page(location.route())}</AppFrame> }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Poster { compound } => view! { <PosterPage compound/> }.into_any(),
        Route::Records { compound } => view! { <RecordsPage compound/> }.into_any(),
        Route::ReportNew => view! { <ReportNewPage/> }.into_any(),
        Route::Reports => view! { <ReportsPage/> }.into_any(),
        Route::Report { id } => view! { <ReportDetailPage id/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
        Route::Handoff => view! { <HandoffPage/> }.into_any(),
        // The directory, battle maps and cards, as the browse entry shows them.
        browse => crate::browse::page(browse),
    }
}
