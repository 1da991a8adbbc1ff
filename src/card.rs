//! The card entry: what a resident scanning the QR poster on their building's door opens —
//! that building's card (three names, three call buttons, the units, "this is my
//! building", sharing) and nothing else, as a program of its own so the path that matters
//! most downloads the least (`card.html`, built to `/card/`; every pre-rendered card page
//! loads it). The battle map, the directory and reporting are other programs, a page load
//! away (precached by the same service worker after this first visit).

use leptos::prelude::*;

use crate::components::shell::AppFrame;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::building::BuildingPage;
use crate::pages::not_found::NotFound;
use crate::platform::shell::in_next_task;
use crate::state::compound_edits::read_compound_edits;
use crate::state::live_roster::load_card_data;
use crate::state::location::use_location;
use crate::state::start::{follow_data, start_state};

#[component]
pub fn CardApp() -> impl IntoView {
    // The pre-rendered card is on screen and usable while the app starts, so it starts in
    // stages, each a task of its own: on a slow phone each stays short (most of each is
    // the engine compiling the functions it runs for the first time, and a first visit's
    // blocking time counts every task's time past 50 ms). The state first; then the
    // frame; then the page; then the data, whose arrival lets the shell give way.
    let started = start_state(Program::Card, read_compound_edits);
    let location = use_location();
    let owner = Owner::current();
    let stage = RwSignal::new(0u8);
    in_next_task(move || {
        stage.set(1);
        in_next_task(move || {
            stage.set(2);
            in_next_task(move || {
                let start = move || {
                    // The published data, then the compound's live roster (a site with a
                    // server: `Program::live_roster`).
                    let route = untrack(|| location.route());
                    load_card_data(
                        started.1,
                        Program::Card.published_data(&route),
                        Program::Card.live_roster(&route),
                    );
                    follow_data(started.0);
                };
                match owner {
                    Some(owner) => owner.with(start),
                    None => start(),
                }
            });
        });
    });
    // Views of one type (`AnyView`), so the stages cost the program no new view types.
    let nothing = || ().into_any();
    move || match stage.get() {
        0 => nothing(),
        _ => view! {
            <AppFrame>
                {move || if stage.get() > 1 { page(location.route()) } else { nothing() }}
            </AppFrame>
        }
        .into_any(),
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Building { compound, building } => {
            view! { <BuildingPage compound building/> }.into_any()
        }
        _ => view! { <NotFound/> }.into_any(),
    }
}
