//! Archiving closed reports on `/steward/data`: the age to archive after (3, 6 or 12
//! months), how many may leave now and why others stay, the button that downloads the
//! backup file and archives; and a search that finds a report on this phone or says where
//! an archived one went, with the ways to bring it back (a backup file, the server).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::backup_tools::download_backup;
use crate::domain::archive::{ArchiveAge, ArchivedReport, NotInBackup, search};
use crate::domain::time::format_date;
use crate::format::backup;
use crate::i18n::messages::Message;
use crate::platform::clock::now;
use crate::platform::download::on_file_text;
use crate::state::archive::{
    NotBack, Plan, ask_back, choose_age, chosen_age, notes, plan, restore_from_backup,
};
use crate::state::records::{use_records, use_reports};
use crate::state::sync::Sync;
use crate::state::{use_console_strings, use_state, use_strings};

#[component]
pub fn ArchiveTools() -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let reports = use_reports();
    let sync = use_context::<Sync>();
    let s = use_strings();
    let c = use_console_strings();
    let age = RwSignal::new(chosen_age());
    let planned = RwSignal::new(Plan::default());
    let archived = RwSignal::new(Vec::<ArchivedReport>::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    // The plan and the notes follow the reports (archived here, in another tab, restored).
    Effect::new(move |_| {
        let chosen = age.get();
        records.reports.track();
        reports.ready.track();
        spawn_local(async move {
            if let Ok(p) = plan(reports, sync, chosen, now()).await {
                planned.set(p);
            }
            archived.set(notes().await);
        });
    });
    let run = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let backup = download_backup(state, records, "xiaoqu-guanjia-guidang-");
            let result = crate::state::archive::archive(
                reports,
                records,
                sync,
                age.get_untracked(),
                now(),
                backup,
            )
            .await;
            message.set(Some(match result {
                Ok(gone) if gone.is_empty() => (true, c().archive_none.to_string()),
                Ok(gone) => (true, {
                    let ids: Vec<String> = gone.iter().map(|n| n.id.clone()).collect();
                    let count = gone.len().to_string();
                    format!(
                        "{}{}",
                        c().archive_done,
                        s().with_note(&count, &s().list(&ids))
                    )
                }),
                Err(e) => (false, format!("{}{}", c().archive_failed, e.message(s()))),
            }));
            busy.set(false);
        });
    };
    let query = RwSignal::new(String::new());
    view! {
        <section class="settings__group archive" aria-labelledby="archive-title">
            <h2 id="archive-title">{move || c().archive_title}</h2>
            <p class="hint">{move || c().archive_hint}</p>
            <div class="field">
                <label class="field__label" for="archive-age">{move || c().archive_age_label}</label>
                <select id="archive-age" class="field__input" name="archive-age"
                    on:change=move |ev| if let Some(a) = ArchiveAge::from_key(&event_target_value(&ev)) {
                        choose_age(a);
                        age.set(a);
                    }>
                    {ArchiveAge::ALL.map(|a| view! {
                        <option value=a.key() selected=move || age.get() == a>
                            {move || format!("{}{}", a.months(), c().archive_months)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <p class="archive__counts" role="status">
                {move || planned.with(|p| {
                    let mut lines = vec![format!("{}{}", c().archive_ready, p.ready.len())];
                    if p.unsent > 0 {
                        lines.push(format!("{}{}", c().archive_held_unsent, p.unsent));
                    }
                    if p.two_versions > 0 {
                        lines.push(format!("{}{}", c().archive_held_two, p.two_versions));
                    }
                    s().clauses(&lines)
                })}
            </p>
            <button type="button" class="button" on:click=run
                disabled=move || busy.get() || planned.with(|p| p.ready.is_empty())>
                {move || c().archive_button}
            </button>
            <div class="field">
                <label class="field__label" for="archive-search">{move || c().archive_search_label}</label>
                <input id="archive-search" class="field__input" name="archive-search" type="search"
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <ul class="archive__found">
                {move || {
                    let q = query.get();
                    if q.trim().is_empty() {
                        return None;
                    }
                    let here: Vec<String> = records.reports.with(|all| {
                        let upper = q.trim().to_ascii_uppercase();
                        all.iter()
                            .filter(|r| r.id.to_ascii_uppercase().contains(&upper) || r.description.contains(q.trim()))
                            .map(|r| r.id.clone())
                            .collect()
                    });
                    let gone: Vec<ArchivedReport> = archived.with(|a| search(a, &q).into_iter().cloned().collect());
                    if here.is_empty() && gone.is_empty() {
                        return Some(view! { <li class="archive__none">{move || c().archive_not_found}</li> }.into_any());
                    }
                    Some(view! {
                        {here.into_iter().map(|id| view! {
                            <li class="archive__item"><strong>{id}</strong>" · "{move || c().archive_on_phone}</li>
                        }).collect_view()}
                        {gone.into_iter().map(|note| view! { <ArchivedItem note message/> }).collect_view()}
                    }.into_any())
                }}
            </ul>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "notice notice--info" } else { "notice notice--error" } role="alert">{text}</p>
            })}
        </section>
    }
}

/// One archived report found: where it went, and the ways back. The outcome is said in
/// the section's own line (`message`): brought back, the item leaves the list.
#[component]
fn ArchivedItem(
    note: ArchivedReport,
    /// The section's outcome line.
    message: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let s = use_strings();
    let c = use_console_strings();
    let where_text = {
        let note = note.clone();
        move || {
            let place = if note.server_db.is_some() {
                c().archive_where_both
            } else {
                c().archive_where_file
            };
            format!(
                "{}{}{}{}",
                c().archived_at,
                format_date(note.archived_at),
                place,
                note.backup_file
            )
        }
    };
    let for_file = StoredValue::new(note.clone());
    let on_file = on_file_text(move |text| {
        let note = for_file.get_value();
        match backup::parse(&text) {
            Ok(b) => spawn_local(async move {
                message.set(Some(match restore_from_backup(&note, &b).await {
                    Ok(()) => (true, c().archive_restored.to_string()),
                    Err(NotBack::File(NotInBackup::Missing)) => (
                        false,
                        format!("{}{}", c().archive_not_in_file, note.backup_file),
                    ),
                    Err(NotBack::File(NotInBackup::Older)) => (
                        false,
                        format!("{}{}", c().archive_older_in_file, note.backup_file),
                    ),
                    Err(NotBack::Store(e)) => {
                        (false, format!("{}{}", c().archive_failed, e.message(s())))
                    }
                }));
            }),
            Err(e) => message.set(Some((false, e.message(s())))),
        }
    });
    let id = note.id.clone();
    let ask = move |_| {
        let id = id.clone();
        spawn_local(async move {
            message.set(Some(match ask_back(&id).await {
                Ok(()) => (true, c().archive_asked.to_string()),
                Err(e) => (false, format!("{}{}", c().archive_failed, e.message(s()))),
            }));
        });
    };
    let on_server = note.server_db.is_some();
    view! {
        <li class="archive__item archive__item--gone">
            <p><strong>{note.id.clone()}</strong>" · "{note.summary.clone()}</p>
            <p class="archive__where">{where_text}</p>
            <label class="button button--secondary file-button">
                {move || c().archive_from_file}
                <input type="file" name="archive-backup" accept=".json,application/json" class="file-button__input" on:change=on_file/>
            </label>
            {on_server.then(|| view! {
                <button type="button" class="button button--secondary" on:click=ask>{move || c().archive_ask_server}</button>
            })}
        </li>
    }
}
