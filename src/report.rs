//! The report entry: the report form alone (`/report/new?c=&b=&u=`, and `?draft=` to go
//! on with a draft), what a building's card links to (「在这里报事」) — a program of its own
//! so a building lead's first visit, often card → form, downloads the form and not the
//! whole resident app (`report.html`, built to `/report/new/`). It carries the form, the
//! drafts saved as the lead types, photos and the submit into the document store; the
//! reports alone (`records::provide_report_records`), this phone's compound edits read
//! from their copy. After a submit the report's page — the send step, the timeline — is
//! the resident app's, a page load once the store has the report (precached by the worker
//! during this visit): the send step (hand-off link, QR code, share) would add about
//! 25 KB of brotli here, past the first visit's 200 KB.

use leptos::prelude::*;

use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::not_found::NotFound;
use crate::pages::report_new::ReportNewPage;
use crate::state::location::use_location;
use crate::state::records::provide_report_records;
use crate::state::start::start_app;

#[component]
pub fn ReportApp() -> impl IntoView {
    start_app(Program::Report, provide_report_records);
    let location = use_location();
    view! { <AppFrame>{move || page(location.route())}</AppFrame> }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::ReportNew => view! { <ReportNewPage/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}
