//! Backups of what this phone keeps, and the reports as CSV. Exporting a backup stays in
//! the resident app: when storage is full it is the one way out for a report that could
//! not be saved, and only the page holding it can write it. Restoring (validated whole
//! first, so a refused file changes nothing) and the CSV are the console's
//! (`/steward/data`): residents rarely need them. The roster CSV is steward mode's.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::time::format_date;
use crate::format::backup::{self, Photo};
use crate::i18n::messages::Message;
use crate::i18n::report_table::reports_csv;
use crate::platform::clock::now;
use crate::platform::download::{download, on_file_text};
use crate::platform::photos;
use crate::state::records::{Records, use_records, use_records_writer};
use crate::state::{AppState, use_console_strings, use_state, use_strings, use_writer};

/// Downloads a backup of everything this page holds, photos included (read from their
/// store first, so the file has everything), named `<prefix><date>.json`: the file's name.
pub async fn download_backup(state: AppState, records: Records, prefix: &str) -> String {
    let keys: Vec<String> = records
        .reports
        .with_untracked(|r| r.iter().flat_map(|r| r.photos.clone()).collect());
    let mut pictures = vec![];
    for key in keys {
        if let Ok(Some(data_url)) = photos::get(&key).await {
            pictures.push(Photo { key, data_url });
        }
    }
    let at = now();
    let text = state.settings.with_untracked(|st| {
        records.local_compounds.with_untracked(|c| {
            records
                .reports
                .with_untracked(|r| backup::export(st, c, r, pictures, at))
        })
    });
    let name = format!("{prefix}{}.json", format_date(at));
    download(&name, "application/json", &text);
    crate::state::kept::backup_made(at);
    name
}

/// "Export a backup": everything this page holds, photos included.
#[component]
pub fn BackupExport() -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let s = use_strings();
    let export = move |_| {
        spawn_local(async move {
            download_backup(state, records, "xiaoqu-guanjia-").await;
        });
    };
    view! { <button type="button" class="button button--secondary" on:click=export>{move || s().app().export_backup}</button> }
}

/// Restore a backup; export the reports as CSV.
#[component]
pub fn BackupRestore() -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let writer = use_writer();
    let records_writer = use_records_writer();
    let s = use_strings();
    let c = use_console_strings();
    let (message, set_message) = signal(None::<(bool, String)>);
    // A restore has no journal behind it: "restored" only once the store has it all.
    let restored = RwSignal::new(None::<usize>);
    // Checked whole first; the photos go in before the records that show them.
    let on_file = on_file_text(move |text| match backup::parse(&text) {
        Ok(mut b) => spawn_local(async move {
            for photo in std::mem::take(&mut b.photos) {
                if let Err(e) = photos::put(&photo.key, &photo.data_url).await {
                    set_message.set(Some((
                        false,
                        format!("{} ({})", s().app().photo_failed, e.0),
                    )));
                    return;
                }
            }
            set_message.set(None);
            restored.set(Some(b.reports.len()));
            records_writer.restore(&b);
            writer.restore_settings(b.settings);
        }),
        Err(e) => {
            restored.set(None);
            set_message.set(Some((false, e.message(s()))));
        }
    });
    let export_csv = move |_| {
        let csv = state
            .compounds
            .with(|c| records.reports.with(|r| reports_csv(r, &c.0, s())));
        download(
            &format!("baoshi-{}.csv", format_date(now())),
            "text/csv",
            &csv,
        );
    };
    view! {
        <button type="button" class="button button--secondary" on:click=export_csv>{move || s().app().export_csv}</button>
        <label class="button button--secondary file-button">
            {move || s().app().import_backup}
            <input type="file" name="backup" accept=".json,application/json" class="file-button__input" on:change=on_file/>
        </label>
        {move || restored.get().map(|count| view! {
            <p class="notice notice--info" role="status">
                {move || if records_writer.saving() { c().restore_saving.to_string() } else { format!("{}{count}", s().app().import_ok) }}
            </p>
        })}
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "notice notice--info" } else { "notice notice--error import-error" } role="alert">{text}</p>
        })}
    }
}
