//! Says plainly that a roster is the fictional sample, wherever its names and numbers show
//! or print, so nobody calls a made-up number or posts a poster of fake stewards.

use leptos::prelude::*;

use crate::state::use_strings;

#[component]
pub fn SampleNotice(
    /// Whether the compound's roster is sample data; nothing is shown otherwise.
    sample: bool,
) -> impl IntoView {
    let s = use_strings();
    sample.then(
        || view! { <p class="notice notice--sample" role="note">{move || s().sample_notice}</p> },
    )
}
