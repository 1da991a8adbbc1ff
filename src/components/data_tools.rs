//! 我的数据: export a backup, restore one (validated whole first, so a refused file
//! changes nothing), and erase everything this app keeps on the phone.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::time::format_date;
use crate::download::download;
use crate::i18n::{import_error_message, roster_error_message, strings};
use crate::store::backup;
use crate::store::merge::merge;
use crate::store::roster;
use crate::store::state::{use_state, use_writer};

async fn read_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// A file input's change handler: reads the chosen file as text, clears the input (so the
/// same file can be chosen again after fixing it) and hands the text to `apply`.
fn on_file_text(
    apply: impl Fn(String) + Copy + 'static,
) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let text = read_file(&input).await.unwrap_or_default();
            input.set_value("");
            apply(text);
        });
    }
}

/// Removes every `cs.*` key, the caches and the service worker, then restarts the app.
async fn erase_everything() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect();
        for key in keys.iter().filter(|k| k.starts_with("cs.")) {
            let _ = storage.remove_item(key);
        }
    }
    crate::store::photos::delete_all();
    if let Ok(caches) = window.caches()
        && let Ok(names) = JsFuture::from(caches.keys()).await
    {
        for name in js_sys::Array::from(&names)
            .iter()
            .filter_map(|n| n.as_string())
        {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
    // Unregister the worker too, so nothing of this visit stays behind.
    let navigator = window.navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false)
        && let Ok(list) = JsFuture::from(navigator.service_worker().get_registrations()).await
    {
        for reg in js_sys::Array::from(&list).iter() {
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>()
                && let Ok(p) = reg.unregister()
            {
                let _ = JsFuture::from(p).await;
            }
        }
    }
    let _ = window.location().replace("/");
}

#[component]
pub fn DataTools() -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = move || strings(state.lang.get());
    let (message, set_message) = signal(None::<(bool, String)>);
    let export = move |_| {
        let now = js_sys::Date::now() as i64;
        let text = state.settings.with(|st| {
            state
                .local_compounds
                .with(|c| state.reports.with(|r| backup::export(st, c, r, now)))
        });
        download(
            &format!("xiaoqu-guanjia-{}.json", format_date(now)),
            "application/json",
            &text,
        );
    };
    let on_file = on_file_text(move |text| {
        let lang = state.lang.get_untracked();
        match backup::parse(&text) {
            Ok(b) => {
                let count = b.reports.len();
                writer
                    .set_reports
                    .update(|ours| *ours = merge(ours, &b.reports));
                writer
                    .set_local_compounds
                    .update(|ours| *ours = merge(ours, &b.compounds));
                writer.set_settings.update(|ours| {
                    if b.settings.updated_at > ours.updated_at {
                        *ours = b.settings;
                    }
                });
                set_message.set(Some((true, format!("{}{count}", strings(lang).import_ok))));
            }
            Err(e) => set_message.set(Some((false, import_error_message(&e, lang)))),
        }
    });
    let export_roster = move |_| {
        let csv = state.compounds.with(|c| roster::export(&c.0));
        download(
            &format!("mingce-{}.csv", format_date(js_sys::Date::now() as i64)),
            "text/csv",
            &csv,
        );
    };
    let on_roster = on_file_text(move |text| {
        let lang = state.lang.get_untracked();
        match roster::import(&text, js_sys::Date::now() as i64) {
            Ok(imported) => {
                let names: Vec<String> = imported.iter().map(|c| c.name.clone()).collect();
                writer
                    .set_local_compounds
                    .update(|ours| *ours = merge(&imported, ours));
                set_message.set(Some((
                    true,
                    format!("{}{}", strings(lang).roster_ok, names.join("、")),
                )));
            }
            Err(e) => set_message.set(Some((false, roster_error_message(&e, lang)))),
        }
    });
    let erase = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(s().erase_confirm).ok())
            .unwrap_or(false);
        if confirmed {
            wasm_bindgen_futures::spawn_local(erase_everything());
        }
    };
    view! {
        <button type="button" class="button button--secondary" on:click=export>{move || s().export_backup}</button>
        <label class="button button--secondary file-button">
            {move || s().import_backup}
            <input type="file" name="backup" accept=".json,application/json" class="file-button__input" on:change=on_file/>
        </label>
        <button type="button" class="button button--secondary" on:click=export_roster>{move || s().roster_export}</button>
        <label class="button button--secondary file-button">
            {move || s().roster_import}
            <input type="file" name="roster" accept=".csv,text/csv" class="file-button__input" on:change=on_roster/>
        </label>
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "notice notice--info" } else { "notice notice--error import-error" } role="alert">{text}</p>
        })}
        <button type="button" class="button button--danger" on:click=erase>{move || s().erase_all}</button>
    }
}
