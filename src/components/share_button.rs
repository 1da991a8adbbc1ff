//! A button that shares a text (the share sheet, else the clipboard: `platform::share`)
//! and says what happened; where neither worked, the text is shown to copy by hand.

use leptos::prelude::*;

use super::icons::{Icon, IconKind};
use crate::i18n::Strings;
use crate::platform::share::{Shared, share_or_copy};
use crate::state::use_strings;

/// A button that shares `text`, and says what happened.
#[component]
pub fn ShareButton(
    /// Title for the share sheet.
    title: String,
    /// The text to share or copy.
    text: Signal<String>,
    /// The button's label; "share this card" when not given.
    #[prop(optional)]
    label: Option<fn(&Strings) -> &'static str>,
) -> impl IntoView {
    let s = use_strings();
    let (outcome, set_outcome) = signal(None::<Shared>);
    let on_click = move |_| {
        let title = title.clone();
        let text = text.get_untracked();
        wasm_bindgen_futures::spawn_local(async move {
            set_outcome.set(Some(share_or_copy(&title, &text).await));
        });
    };
    view! {
        <button type="button" class="button button--secondary" on:click=on_click>
            <Icon kind=IconKind::Share/>
            <span>{move || label.map_or(s().share_card, |l| l(s()))}</span>
        </button>
        <p class="share__status" role="status" aria-live="polite">
            {move || match outcome.get() {
                Some(Shared::Copied) => s().copied,
                Some(Shared::Failed) => s().copy_failed,
                _ => "",
            }}
        </p>
        <Show when=move || matches!(outcome.get(), Some(Shared::Failed))>
            <pre class="share__text">{move || text.get()}</pre>
        </Show>
    }
}
