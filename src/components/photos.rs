//! A report's photos: thumbnails loaded from IndexedDB, and (when editable) adding by
//! camera or gallery — scaled down first — and removing one. Errors are shown, never
//! swallowed, and never block the report itself.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::photo::MAX_PHOTOS;
use crate::platform::clock::now;
use crate::platform::photos;
use crate::state::use_strings;

/// Thumbnails of `keys`, with add/remove controls when `on_change` is given.
#[component]
pub fn Photos(
    /// The photo keys the report holds.
    keys: Signal<Vec<String>>,
    /// Receives the new key list after an add or a removal; read-only when absent.
    #[prop(optional)]
    on_change: Option<Callback<Vec<String>>>,
    /// Prefix of new keys: the report's id.
    #[prop(optional, into)]
    prefix: String,
) -> impl IntoView {
    let s = use_strings();
    let loaded = RwSignal::new(HashMap::<String, String>::new());
    // Photos not on this phone: on their way from the server (true), or never sent by the
    // phone that took them (false).
    let missing = RwSignal::new(HashMap::<String, bool>::new());
    let (error, set_error) = signal(None::<String>);
    let prefix = StoredValue::new(prefix);
    // Photos that arrive from the server while this is shown: look again.
    let arrivals = RwSignal::new(0u32);
    let listener = photos::on_arrivals(move || arrivals.update(|n| *n += 1));
    on_cleanup(move || photos::forget_arrivals(listener));
    // Fetch any thumbnail not loaded yet whenever the keys change.
    Effect::new(move |_| {
        arrivals.track();
        for key in keys.get() {
            if loaded.with_untracked(|m| m.contains_key(&key)) {
                continue;
            }
            wasm_bindgen_futures::spawn_local(async move {
                match photos::get(&key).await {
                    Ok(Some(url)) => {
                        missing.update(|m| {
                            m.remove(&key);
                        });
                        loaded.update(|m| drop(m.insert(key, url)));
                    }
                    Ok(None) => {
                        let coming = photos::is_wanted(&key).await;
                        missing.update(|m| {
                            m.insert(key, coming);
                        });
                    }
                    Err(e) => set_error.set(Some(e.0)),
                }
            });
        }
    });
    let add = move |ev: leptos::ev::Event| {
        let Some(on_change) = on_change else { return };
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default();
        input.set_value("");
        let prefix = prefix.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let mut current = keys.get_untracked();
            for file in files
                .into_iter()
                .take(MAX_PHOTOS.saturating_sub(current.len()))
            {
                let key = format!("{prefix}-p{}", now() + current.len() as i64);
                let saved = match photos::shrink(&file).await {
                    Ok(url) => photos::put(&key, &url).await.map(|()| url),
                    Err(e) => Err(e),
                };
                match saved {
                    Ok(url) => {
                        loaded.update(|m| {
                            m.insert(key.clone(), url);
                        });
                        current.push(key);
                        on_change.run(current.clone());
                        set_error.set(None);
                    }
                    Err(e) => set_error.set(Some(e.0)),
                }
            }
        });
    };
    let remove = move |key: String| {
        let Some(on_change) = on_change else { return };
        on_change.run(
            keys.get_untracked()
                .into_iter()
                .filter(|k| *k != key)
                .collect(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = photos::delete(&key).await {
                set_error.set(Some(e.0));
            }
        });
    };
    let editable = on_change.is_some();
    view! {
        <div class="photos">
            <ul class="photos__list">
                {move || keys.get().into_iter().map(|key| {
                    let src = loaded.with(|m| m.get(&key).cloned());
                    let absent = missing.with(|m| m.get(&key).copied());
                    let k = key.clone();
                    view! {
                        <li class="photos__item">
                            {src.map(|src| view! { <img class="photos__thumb" src=src alt=move || s().app().photo_alt width="96" height="96"/> })}
                            {absent.map(|coming| view! {
                                <p class="photos__missing" data-photo-missing>
                                    {move || if coming { s().app().photo_coming } else { s().app().photo_not_sent }}
                                </p>
                            })}
                            {editable.then(|| view! {
                                <button type="button" class="button button--small photos__remove" on:click=move |_| remove(k.clone())>
                                    {move || s().app().remove_photo}
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || editable && keys.with(Vec::len) < MAX_PHOTOS>
                <label class="button button--secondary file-button">
                    {move || s().app().add_photo}
                    <input type="file" name="photo" accept="image/*" multiple class="file-button__input" on:change=add/>
                </label>
            </Show>
            {move || error.get().map(|e| view! { <p class="field__error photos__error" role="alert">{s().app().photo_error} {e}</p> })}
        </div>
    }
}
