use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::strings;
use crate::store::state::use_state;

/// Any path the router does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let state = use_state();
    let s = move || strings(state.lang.get());
    view! {
        <section class="page">
            <h1>{move || s().not_found_title}</h1>
            <p>{move || s().not_found_body}</p>
            <A href="/" attr:class="button">{move || s().go_home}</A>
        </section>
    }
}
