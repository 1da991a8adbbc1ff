//! Share a text: the Web Share API where the phone has it, else copy to the clipboard.
//! Both are called through `Reflect`, since web-sys still gates them behind unstable cfgs.

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::icons::{Icon, IconKind};
use crate::i18n::Strings;
use crate::state::use_strings;

fn call_method(target: &JsValue, name: &str, arg: &JsValue) -> Option<Promise> {
    let method: Function = Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    method.call1(target, arg).ok()?.dyn_into().ok()
}

/// `Ok(true)` shared, `Ok(false)` copied, `Err` neither worked.
async fn share_or_copy(title: &str, text: &str) -> Result<bool, ()> {
    let navigator: JsValue = web_sys::window().ok_or(())?.navigator().into();
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"text".into(), &text.into());
    if let Some(p) = call_method(&navigator, "share", &data)
        && JsFuture::from(p).await.is_ok()
    {
        return Ok(true);
    }
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    let p = call_method(&clipboard, "writeText", &text.into()).ok_or(())?;
    JsFuture::from(p).await.map(|_| false).map_err(|_| ())
}

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
    let (outcome, set_outcome) = signal(None::<Result<bool, ()>>);
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
                Some(Ok(false)) => s().copied,
                Some(Err(())) => s().copy_failed,
                _ => "",
            }}
        </p>
        <Show when=move || matches!(outcome.get(), Some(Err(())))>
            <pre class="share__text">{move || text.get()}</pre>
        </Show>
    }
}
