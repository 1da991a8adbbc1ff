//! The root component: state, routes, and the frame around them.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::notices::ProblemNotices;
use crate::components::pwa_banners::PwaBanners;
use crate::components::shell::{AppHeader, AppNav};
use crate::pages::building::BuildingPage;
use crate::pages::compound::CompoundPage;
use crate::pages::directory::DirectoryPage;
use crate::pages::district::DistrictPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFound;
use crate::pages::poster::PosterPage;
use crate::pages::report_detail::ReportDetailPage;
use crate::pages::report_new::ReportNewPage;
use crate::pages::reports::ReportsPage;
use crate::pages::settings::SettingsPage;
use crate::state::dataset::load_dataset;
use crate::state::{DatasetState, persist, provide_app_state};

#[component]
pub fn App() -> impl IntoView {
    let (state, writer) = provide_app_state();
    persist::start(state, writer);
    load_dataset(writer);
    provide_context(crate::platform::pwa::start());
    // The static shell (the loading line, or a pre-rendered card) gives way to the app once
    // the app can draw the page with data.
    Effect::new(move |_| {
        if state.dataset.with(|d| *d != DatasetState::Loading) {
            crate::platform::shell::remove_static_shell();
        }
    });
    // The document follows the settings: language for screen readers and fonts, and the
    // elder-mode class that enlarges everything.
    Effect::new(move |_| {
        let settings = state.settings.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", settings.lang.tag());
            let _ = root
                .class_list()
                .toggle_with_force("elder", settings.elder_mode);
        }
    });
    view! {
        <Router>
            <AppHeader/>
            <main id="main" class="app-main">
                <PwaBanners/>
                <ProblemNotices/>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/compounds") view=DirectoryPage/>
                    <Route path=path!("/c/:compound") view=CompoundPage/>
                    <Route path=path!("/c/:compound/b/:building") view=BuildingPage/>
                    <Route path=path!("/c/:compound/poster") view=PosterPage/>
                    <Route path=path!("/report/new") view=ReportNewPage/>
                    <Route path=path!("/reports") view=ReportsPage/>
                    <Route path=path!("/reports/:id") view=ReportDetailPage/>
                    <Route path=path!("/district") view=DistrictPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </main>
            <AppNav/>
        </Router>
    }
}
