//! The browse entry: what a resident scanning a building's poster, or opening the app,
//! needs — the directory, a compound's battle map and a building's contact card — as a
//! program of its own, so that first visit downloads only this (`index.html`). It reads
//! this phone's compound edits but keeps no records; reporting, "my reports", settings,
//! the poster and hand-off links are the resident app's (`app.rs`, a full page load away,
//! precached by the same service worker).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::app::start_app;
use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::pages::building::BuildingPage;
use crate::pages::compound::CompoundPage;
use crate::pages::directory::DirectoryPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFound;
use crate::state::compound_edits::read_compound_edits;

#[component]
pub fn BrowseApp() -> impl IntoView {
    start_app(Program::Browse, read_compound_edits);
    view! {
        <Router>
            <AppFrame>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/compounds") view=DirectoryPage/>
                    <Route path=path!("/c/:compound") view=CompoundPage/>
                    <Route path=path!("/c/:compound/b/:building") view=BuildingPage/>
                </Routes>
            </AppFrame>
        </Router>
    }
}
