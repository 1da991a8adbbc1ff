//! 我的数据: export a backup, restore one (validated whole first, so a refused file
//! changes nothing), the compounds and roster as CSV, and erase everything this app keeps
//! on the phone.

use leptos::prelude::*;

use crate::domain::time::format_date;
use crate::format::backup;
use crate::format::roster;
use crate::platform::clock::now;
use crate::platform::download::{download, on_file_text};
use crate::platform::erase::erase_everything;
use crate::state::{DatasetState, use_state, use_strings, use_writer};

#[component]
pub fn DataTools() -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = use_strings();
    let (message, set_message) = signal(None::<(bool, String)>);
    // The roster tools work on the published compounds: an export before they arrive would
    // be empty, and an import would not know what to keep.
    let loading = move || state.dataset.get() == DatasetState::Loading;
    let export = move |_| {
        let at = now();
        let text = state.settings.with(|st| {
            state
                .local_compounds
                .with(|c| state.reports.with(|r| backup::export(st, c, r, at)))
        });
        download(
            &format!("xiaoqu-guanjia-{}.json", format_date(at)),
            "application/json",
            &text,
        );
    };
    let on_file = on_file_text(move |text| match backup::parse(&text) {
        Ok(b) => {
            let count = b.reports.len();
            writer.restore(b);
            set_message.set(Some((true, format!("{}{count}", s().import_ok))));
        }
        Err(e) => set_message.set(Some((false, e.message(s())))),
    });
    let export_roster = move |_| {
        let csv = state.compounds.with(|c| roster::export(&c.0));
        download(
            &format!("mingce-{}.csv", format_date(now())),
            "text/csv",
            &csv,
        );
    };
    let on_roster = on_file_text(move |text| {
        let imported = state
            .compounds
            .with_untracked(|c| roster::import(&text, &c.0, now()));
        match imported {
            Ok(imported) => {
                let names: Vec<String> = imported.iter().map(|c| c.name.clone()).collect();
                writer.put_compounds(imported);
                set_message.set(Some((
                    true,
                    format!("{}{}", s().roster_ok, names.join("、")),
                )));
            }
            Err(e) => set_message.set(Some((false, e.message(s())))),
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
        <button type="button" class="button button--secondary" disabled=loading on:click=export_roster>{move || s().roster_export}</button>
        <label class="button button--secondary file-button">
            {move || s().roster_import}
            <input type="file" name="roster" accept=".csv,text/csv" class="file-button__input" disabled=loading on:change=on_roster/>
        </label>
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "notice notice--info" } else { "notice notice--error import-error" } role="alert">{text}</p>
        })}
        <button type="button" class="button button--danger" on:click=erase>{move || s().erase_all}</button>
    }
}
