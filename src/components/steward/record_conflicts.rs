//! In steward mode: records saved in two versions at once (a compound's notices and
//! roster, a log entry — two tabs or two phones before either saw the other). Each shows
//! both versions in a line, with "keep the one shown", "keep the other" and, for a
//! compound, "merge" (the later facts, the notices of both).

use leptos::prelude::*;

use crate::domain::compound::Compound;
use crate::domain::compound_merge::merge_compound_versions;
use crate::domain::money::format_yuan;
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::i18n::Strings;
use crate::i18n::console::ConsoleStrings;
use crate::state::documents::{DocSet, Kept};
use crate::state::logs::use_logs;
use crate::state::records::use_records_writer;
use crate::state::{use_console_strings, use_strings};

fn compound_summary(s: &Strings, c: &ConsoleStrings, r: &Compound) -> String {
    let titles: Vec<String> = r.notices.iter().map(|n| n.title.clone()).collect();
    format!(
        "{} · {}{}{}{}",
        r.name,
        r.notices.len(),
        c.notices_word,
        s.colon(),
        s.list(&titles)
    )
}

fn mediation_summary(_: &Strings, _: &ConsoleStrings, r: &Mediation) -> String {
    format!(
        "{} · {} · {}",
        r.subject,
        format_yuan(r.amount_fen),
        r.outcome
    )
}

fn arrears_summary(_: &Strings, c: &ConsoleStrings, r: &ArrearsRecovery) -> String {
    format!(
        "{} {} · {}",
        r.households,
        c.households_word,
        format_yuan(r.amount_fen)
    )
}

#[component]
pub fn RecordConflicts() -> impl IntoView {
    let records_writer = use_records_writer();
    let logs = use_logs();
    let c = use_console_strings();
    let any = move || {
        records_writer
            .compound_docs
            .conflicts
            .with(|x| !x.is_empty())
            || logs.mediation_docs.conflicts.with(|x| !x.is_empty())
            || logs.arrears_docs.conflicts.with(|x| !x.is_empty())
    };
    let merge_compounds: fn(&Compound, &Compound) -> Compound = merge_compound_versions;
    view! {
        <Show when=any>
            <section class="conflict" aria-labelledby="record-conflicts-title">
                <h2 id="record-conflicts-title" class="conflict__title">{move || c().conflicts_title}</h2>
                <p>{move || c().conflicts_explain}</p>
                <ul class="conflict__list">
                    <ConflictItems docs=records_writer.compound_docs summary=compound_summary merge=Some(merge_compounds)/>
                    <ConflictItems docs=logs.mediation_docs summary=mediation_summary merge=None/>
                    <ConflictItems docs=logs.arrears_docs summary=arrears_summary merge=None/>
                </ul>
            </section>
        </Show>
    }
}

/// The conflicts of one kind of record.
#[component]
fn ConflictItems<T: Kept>(
    /// The records of this kind.
    docs: DocSet<T>,
    /// One line saying what a version holds.
    summary: fn(&Strings, &ConsoleStrings, &T) -> String,
    /// How both versions become one, where that makes sense.
    merge: Option<fn(&T, &T) -> T>,
) -> impl IntoView {
    let c = use_console_strings();
    let s = use_strings();
    move || {
        docs.conflicts
            .get()
            .into_iter()
            .filter_map(|conflict| {
                let record_id = conflict.doc_id.split_once(':')?.1.to_string();
                let shown = docs
                    .records
                    .with(|all| all.iter().find(|r| r.id() == record_id).cloned())?;
                let other = conflict.others.first()?.clone();
                let doc_id = conflict.doc_id.clone();
                let keep = move |kept: T| {
                    let doc_id = doc_id.clone();
                    move |_| docs.resolve(doc_id.clone(), kept.clone())
                };
                let merged = merge.map(|m| m(&shown, &other));
                Some(view! {
                    <li class="conflict__item" data-doc=conflict.doc_id.clone()>
                        <p><b>{move || c().conflict_kind(T::KIND)}</b></p>
                        <p>{move || c().version_shown} {summary(s(), c(), &shown)}</p>
                        <p>{move || c().version_other} {summary(s(), c(), &other)}</p>
                        <div class="conflict__actions">
                            <button type="button" class="button button--secondary" data-keep="shown" on:click=keep(shown.clone())>{move || c().keep_shown}</button>
                            <button type="button" class="button button--secondary" data-keep="other" on:click=keep(other.clone())>{move || c().keep_other}</button>
                            {merged.map(|m| view! {
                                <button type="button" class="button" data-keep="merged" on:click=keep(m)>{move || c().merge_both}</button>
                            })}
                        </div>
                    </li>
                })
            })
            .collect_view()
    }
}
