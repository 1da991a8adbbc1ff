use leptos::prelude::*;

use crate::state::use_strings;

/// Any path the router does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let s = use_strings();
    view! {
        <section class="page">
            <h1>{move || s().not_found_title}</h1>
            <p>{move || s().not_found_body}</p>
            <a href="/" class="button">{move || s().go_home}</a>
        </section>
    }
}
