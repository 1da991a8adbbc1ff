//! Sharing a text: the Web Share API where the phone has it, else copying it to the
//! clipboard. Both are called through `Reflect`, since web-sys still gates them behind
//! unstable cfgs.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What became of a text to share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The share sheet took it.
    Shared,
    /// The clipboard has it.
    Copied,
    /// Neither worked (no share sheet, the clipboard refused).
    Failed,
}

fn call_method(target: &JsValue, name: &str, arg: &JsValue) -> Option<Promise> {
    let method: Function = Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    method.call1(target, arg).ok()?.dyn_into().ok()
}

/// Offers `text` (titled `title`) to the share sheet, or else copies it.
pub async fn share_or_copy(title: &str, text: &str) -> Shared {
    let Some(window) = web_sys::window() else {
        return Shared::Failed;
    };
    let navigator: JsValue = window.navigator().into();
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"text".into(), &text.into());
    if let Some(p) = call_method(&navigator, "share", &data)
        && JsFuture::from(p).await.is_ok()
    {
        return Shared::Shared;
    }
    let Ok(clipboard) = Reflect::get(&navigator, &"clipboard".into()) else {
        return Shared::Failed;
    };
    let Some(p) = call_method(&clipboard, "writeText", &text.into()) else {
        return Shared::Failed;
    };
    match JsFuture::from(p).await {
        Ok(_) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}
