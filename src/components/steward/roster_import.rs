//! The roster as a spreadsheet, in steward mode: a template with Chinese headers, the
//! export, and an import that is checked whole and previewed — every refused row with its
//! line and reason — before anything is written. All or nothing; what a file does not
//! carry is kept. Also "export my changes": what this device edited, for the district.

use leptos::prelude::*;

use crate::domain::time::format_date;
use crate::format::changes;
use crate::format::roster::{self, Checked};
use crate::i18n::messages::Message;
use crate::platform::clock::now;
use crate::platform::download::{download, on_file_text};
use crate::state::logs::use_logs;
use crate::state::records::{use_records, use_records_writer};
use crate::state::{use_console_strings, use_state, use_strings};

#[component]
pub fn RosterImport() -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let logs = use_logs();
    let records_writer = use_records_writer();
    let s = use_strings();
    let c = use_console_strings();
    let checked = RwSignal::new(None::<Checked>);
    let (done, set_done) = signal(None::<String>);
    let template = move |_| {
        download("mingce-moban.csv", "text/csv", &roster::template());
    };
    let export = move |_| {
        let csv = state.compounds.with(|c| roster::export(&c.0));
        download(
            &format!("mingce-{}.csv", format_date(now())),
            "text/csv",
            &csv,
        );
    };
    // What this device changed: the locally edited compounds (whole) and the change log.
    let export_changes_json = move |_| {
        let at = now();
        let text = records.local_compounds.with(|mine| {
            logs.changes
                .records
                .with(|log| changes::export_changes(mine, log, at))
        });
        download(
            &format!("wode-xiugai-{}.json", format_date(at)),
            "application/json",
            &text,
        );
    };
    let export_changes_csv = move |_| {
        let csv = records.local_compounds.with(|mine| roster::export(mine));
        download(
            &format!("wode-xiugai-{}.csv", format_date(now())),
            "text/csv",
            &csv,
        );
    };
    let on_file = on_file_text(move |text| {
        set_done.set(None);
        let result = state
            .compounds
            .with_untracked(|c| roster::check(&text, &c.0, now()));
        checked.set(Some(result));
    });
    let confirm = move |_| {
        let mut taken = None;
        checked.update(|r| taken = r.take());
        let Some(result) = taken.filter(|r| r.refused.is_empty()) else {
            return;
        };
        let names: Vec<String> = result.compounds.iter().map(|c| c.name.clone()).collect();
        records_writer.put_compounds(result.compounds);
        set_done.set(Some(format!("{}{}", s().app().roster_ok, s().list(&names))));
    };
    let preview = move || {
        checked.with(|r| {
            r.as_ref().map(|r| {
                if r.refused.is_empty() {
                    let items = r
                        .compounds
                        .iter()
                        .map(|x| {
                            let counts = [
                                format!("{} {}", x.building_count(), c().buildings_word),
                                format!("{} {}", x.stewards.len(), c().stewards_word),
                            ];
                            s().with_note(&x.name, &s().list(&counts))
                        })
                        .map(|t| view! { <li>{t}</li> })
                        .collect_view();
                    view! {
                        <div class="notice notice--info roster-preview" role="status">
                            <p>{(c().roster_preview_ok)(r.rows)}</p>
                            <ul>{items}</ul>
                            <button type="button" class="button" on:click=confirm>{c().confirm_import}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| checked.set(None)>{c().cancel}</button>
                        </div>
                    }
                    .into_any()
                } else {
                    let items = r
                        .refused
                        .iter()
                        .map(|e| view! { <li>{e.message(s())}</li> })
                        .collect_view();
                    view! {
                        <div class="notice notice--error roster-preview import-error" role="alert">
                            <p>{c().roster_preview_bad}</p>
                            <ul>{items}</ul>
                        </div>
                    }
                    .into_any()
                }
            })
        })
    };
    view! {
        <section class="roster-import panel" aria-labelledby="roster-title">
            <h2 id="roster-title">{move || c().roster_section}</h2>
            <button type="button" class="button button--secondary" on:click=template>{move || c().template_download}</button>
            <button type="button" class="button button--secondary" on:click=export>{move || s().app().roster_export}</button>
            <button type="button" class="button button--secondary" on:click=export_changes_json>{move || c().export_changes_json}</button>
            <button type="button" class="button button--secondary" on:click=export_changes_csv>{move || c().export_changes_csv}</button>
            <label class="button button--secondary file-button">
                {move || s().app().roster_import}
                <input type="file" name="roster" accept=".csv,text/csv" class="file-button__input" on:change=on_file/>
            </label>
            {preview}
            {move || done.get().map(|t| view! { <p class="notice notice--info" role="status">{t}</p> })}
        </section>
    }
}
