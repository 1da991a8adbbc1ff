//! The browse entry: what a resident scanning a building's poster, or opening the app,
//! needs — the directory, a compound's battle map and a building's contact card — as a
//! program of its own, so that first visit downloads only this (`index.html`). It reads
//! this phone's compound edits but keeps no records; reporting, "my reports", settings,
//! the poster and hand-off links are the resident app's (`app.rs`, a full page load away,
//! precached by the same service worker).

use leptos::prelude::*;

use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::building::BuildingPage;
use crate::pages::compound::CompoundPage;
use crate::pages::directory::DirectoryPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFound;
use crate::state::compound_edits::read_compound_edits;
use crate::state::location::use_location;
use crate::state::start::start_app;

#[component]
pub fn BrowseApp() -> impl IntoView {
    start_app(Program::Browse, read_compound_edits);
    let location = use_location();
    view! { <AppFrame>{move || page(location.route())}</AppFrame> }
}

/// The page of a route the browse entry answers (the resident app shows these too), or
/// not found.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::Directory => view! { <DirectoryPage/> }.into_any(),
        Route::Compound { compound } => view! { <CompoundPage compound/> }.into_any(),
        Route::Building { compound, building } => {
            view! { <BuildingPage compound building/> }.into_any()
        }
        _ => view! { <NotFound/> }.into_any(),
    }
}
