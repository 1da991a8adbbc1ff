//! A report's photos: thumbnails loaded from IndexedDB — on a report's page with a word for
//! one not on this phone (on its way from the server, or never sent by the phone that took
//! it); in the report form with adding by camera or gallery (scaled down first) and
//! removing one. Errors are shown, never swallowed, and never block the report itself.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::photo::MAX_PHOTOS;
use crate::platform::clock::now;
use crate::platform::photos;
use crate::state::use_strings;

/// Loads the thumbnail of each key not loaded yet into `loaded`; `absent` hears each key
/// this phone does not have.
fn load_thumbnails(
    keys: Vec<String>,
    loaded: RwSignal<HashMap<String, String>>,
    set_error: WriteSignal<Option<String>>,
    absent: impl Fn(String) + Copy + 'static,
) {
    for key in keys {
        if loaded.with_untracked(|m| m.contains_key(&key)) {
            continue;
        }
        wasm_bindgen_futures::spawn_local(async move {
            match photos::get(&key).await {
                Ok(Some(url)) => loaded.update(|m| {
                    m.insert(key, url);
                }),
                Ok(None) => absent(key),
                Err(e) => set_error.set(Some(e.0)),
            }
        });
    }
}

/// A report's photos as its page shows them: each a thumbnail, or a word for one this
/// phone does not have — on its way from the server (shown when it arrives), or never
/// sent by the phone that took it.
#[component]
pub fn Photos(
    /// The photo keys the report holds.
    keys: Signal<Vec<String>>,
) -> impl IntoView {
    let s = use_strings();
    let loaded = RwSignal::new(HashMap::<String, String>::new());
    // Photos not on this phone: on their way from the server (true), or not (false).
    let missing = RwSignal::new(HashMap::<String, bool>::new());
    let (error, set_error) = signal(None::<String>);
    let arrivals = RwSignal::new(0u32);
    let listener = photos::on_arrivals(move || arrivals.update(|n| *n += 1));
    on_cleanup(move || photos::forget_arrivals(listener));
    let absent = move |key: String| {
        wasm_bindgen_futures::spawn_local(async move {
            let coming = photos::is_wanted(&key).await;
            missing.update(|m| {
                m.insert(key, coming);
            });
        });
    };
    Effect::new(move |_| {
        arrivals.track();
        load_thumbnails(keys.get(), loaded, set_error, absent);
    });
    view! {
        <div class="photos">
            <ul class="photos__list">
                {move || keys.get().into_iter().map(|key| {
                    let src = loaded.with(|m| m.get(&key).cloned());
                    let coming = missing.with(|m| m.get(&key).copied());
                    view! {
                        <li class="photos__item">
                            {match (src, coming) {
                                (Some(src), _) => view! { <img class="photos__thumb" src=src alt=move || s().app().photo_alt width="96" height="96"/> }.into_any(),
                                (None, Some(coming)) => view! {
                                    <p class="photos__missing" data-photo-missing>
                                        {move || if coming { s().app().photo_coming } else { s().app().photo_not_sent }}
                                    </p>
                                }.into_any(),
                                (None, None) => ().into_any(),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <p class="field__error photos__error" role="alert">{s().app().photo_error} {e}</p> })}
        </div>
    }
}

/// The report form's photos: thumbnails with adding (camera or gallery) and removing.
#[component]
pub fn PhotoEditor(
    /// The photo keys the report holds.
    keys: Signal<Vec<String>>,
    /// Receives the new key list after an add or a removal.
    on_change: Callback<Vec<String>>,
    /// Prefix of new keys: the report's id.
    #[prop(into)]
    prefix: String,
) -> impl IntoView {
    let s = use_strings();
    let loaded = RwSignal::new(HashMap::<String, String>::new());
    let (error, set_error) = signal(None::<String>);
    let prefix = StoredValue::new(prefix);
    // Fetch any thumbnail not loaded yet whenever the keys change (the form's own photos
    // are all on this phone).
    Effect::new(move |_| load_thumbnails(keys.get(), loaded, set_error, |_| {}));
    let add = move |ev: leptos::ev::Event| {
        let files = photos::take_chosen_files(&ev);
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
    view! {
        <div class="photos">
            <ul class="photos__list">
                {move || keys.get().into_iter().map(|key| {
                    let src = loaded.with(|m| m.get(&key).cloned());
                    let k = key.clone();
                    view! {
                        <li class="photos__item">
                            {src.map(|src| view! { <img class="photos__thumb" src=src alt=move || s().app().photo_alt width="96" height="96"/> })}
                            <button type="button" class="button button--small photos__remove" on:click=move |_| remove(k.clone())>
                                {move || s().app().remove_photo}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || keys.with(Vec::len) < MAX_PHOTOS>
                <label class="button button--secondary file-button">
                    {move || s().app().add_photo}
                    <input type="file" name="photo" accept="image/*" multiple class="file-button__input" on:change=add/>
                </label>
            </Show>
            {move || error.get().map(|e| view! { <p class="field__error photos__error" role="alert">{s().app().photo_error} {e}</p> })}
        </div>
    }
}
