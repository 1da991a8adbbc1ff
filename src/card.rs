//! The card entry: what a resident scanning the QR poster on their building's door opens —
//! that building's card (three names, three call buttons, the units, "this is my
//! building", sharing) and nothing else, as a program of its own so the path that matters
//! most downloads the least (`card.html`, built to `/card/`; every pre-rendered card page
//! loads it). The battle map, the directory and reporting are other programs, a page load
//! away (precached by the same service worker after this first visit).

use leptos::prelude::*;

use crate::app::start_app;
use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::building::BuildingPage;
use crate::pages::not_found::NotFound;
use crate::state::compound_edits::read_compound_edits;
use crate::state::location::use_location;

#[component]
pub fn CardApp() -> impl IntoView {
    start_app(Program::Card, read_compound_edits);
    let location = use_location();
    view! { <AppFrame>{move || page(location.route())}</AppFrame> }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Building { compound, building } => {
            view! { <BuildingPage compound building/> }.into_any()
        }
        _ => view! { <NotFound/> }.into_any(),
    }
}
