//! The way from a card or the battle map to the report form, with the place filled in.

use leptos::prelude::*;

use crate::domain::phone::percent_encode;
use crate::state::{use_program, use_strings};

/// "Report a problem here": the report form with the place filled in.
#[component]
pub fn ReportHereLink(
    /// The compound's id.
    #[prop(into)]
    compound: String,
    /// The building's id.
    #[prop(into)]
    building: String,
    /// The unit's id, when the card is for one unit.
    #[prop(optional_no_strip)]
    unit: Option<String>,
) -> impl IntoView {
    let s = use_strings();
    // Ids typed into a roster spreadsheet may hold any character: encode them (in Rust,
    // not the browser's encodeURIComponent: the pre-render writes this link without one).
    let enc = percent_encode;
    let mut href = format!("/report/new?c={}&b={}", enc(&compound), enc(&building));
    if let Some(u) = unit {
        href.push_str(&format!("&u={}", enc(&u)));
    }
    // From the browse entry the form is the resident app's: a full page load.
    let rel = use_program().rel_for(&href);
    view! { <a class="button button--secondary report-here" href=href rel=rel>{move || s().report_here}</a> }
}
