//! The district dashboard (`/district`): an entry point of its own (`district.html`,
//! built to `/district/`), split from the steward console so that a steward's first visit
//! to `/steward/` does not download the dashboard's figures, charts, tables and scoring
//! (about 100 KB of brotli). It starts as the console does (`console::start_console`):
//! the office signs in to sync here, and saving the scoring weights asks for the steward
//! PIN. Links to the console are full page loads.

use leptos::prelude::*;

use crate::components::shell::AppFrame;
use crate::console::start_console;
use crate::format::entry_points::Program;
use crate::format::route::Route;
use crate::pages::district::DistrictPage;
use crate::pages::not_found::NotFound;
use crate::state::district::provide_district;
use crate::state::location::use_location;

#[component]
pub fn DashboardApp() -> impl IntoView {
    start_console(Program::District);
    provide_district();
    let location = use_location();
    view! {
        <AppFrame>
            {move || match location.route() {
                Route::District => view! { <DistrictPage/> }.into_any(),
                _ => view! { <NotFound/> }.into_any(),
            }}
        </AppFrame>
    }
}
