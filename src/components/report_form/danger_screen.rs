//! The danger screen: choosing 非常紧急（有危险） first covers the form with one-tap calls
//! (119, 120, 110, then the compound's gas, power and lift lines from its roster), the
//! calls at the top and each a full-width button, so it works with one thumb in elder
//! mode; the way on to the report is at the bottom. Which calls, in which order:
//! `domain::danger`.

use leptos::prelude::*;

use super::use_draft_editor;
use crate::components::icons::phone_icon;
use crate::domain::compound::Compound;
use crate::domain::danger::{DangerLine, danger_calls, shows_danger_screen};
use crate::platform::history::focus_first;
use crate::state::use_strings;

/// The screen, open while `open` is true; closing it returns to the urgency choice.
#[component]
pub fn DangerScreen(
    /// The report's compound, whose emergency lines are offered.
    compound: Memo<Option<Compound>>,
    /// Whether it is on screen.
    open: RwSignal<bool>,
) -> impl IntoView {
    let s = use_strings();
    Effect::new(move |_| {
        if open.get() {
            focus_first("#danger-title");
        }
    });
    let calls = move || {
        compound
            .with(|c| danger_calls(c.as_ref()))
            .into_iter()
            .map(|call| {
                let label = move || match call.line {
                    DangerLine::Public(p) => (s().app().danger_services)(p),
                    DangerLine::Compound(k) => (s().app().emergency_kinds)(k),
                };
                let shown = call.phone.display();
                view! {
                    <li>
                        <a class="danger__call" href=call.phone.tel_href()>
                            {phone_icon()}
                            <span class="danger__who">{label}</span>
                            <span class="danger__number">{shown}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let close = move |_| {
        open.set(false);
        focus_first("input[name=urgency]:checked");
    };
    view! {
        <Show when=move || open.get()>
            <section class="danger" role="alertdialog" aria-modal="true"
                aria-labelledby="danger-title" aria-describedby="danger-hint">
                <h2 id="danger-title" class="danger__title">{move || s().app().danger_title}</h2>
                <p id="danger-hint" class="danger__hint">{move || s().app().danger_hint}</p>
                <ul class="danger__calls">{calls}</ul>
                <button type="button" class="button button--secondary danger__continue" on:click=close>
                    {move || s().app().danger_continue}
                </button>
            </section>
        </Show>
    }
}

/// Opens the danger screen when the draft's urgency becomes one that shows it, and
/// offers it again (a link-like button) for as long as the urgency stays there.
#[component]
pub fn DangerAgain(
    /// Whether the screen is on screen.
    open: RwSignal<bool>,
) -> impl IntoView {
    let s = use_strings();
    let editor = use_draft_editor();
    let dangerous = move || editor.draft.with(|d| shows_danger_screen(d.urgency));
    view! {
        <Show when=dangerous>
            <button type="button" class="button button--danger" on:click=move |_| open.set(true)>
                {phone_icon()}
                {move || s().app().danger_again}
            </button>
        </Show>
    }
}
