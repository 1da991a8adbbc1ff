//! A report saved in two versions (two tabs, two phones, before either saw the other):
//! both side by side, field by field, with "keep this one" under each and "merge both".
//! Choosing writes one new revision and closes the other, so every copy agrees.

use leptos::prelude::*;

use crate::domain::report::Report;
use crate::domain::report_merge::{ReportField, differing_fields, merge_versions};
use crate::domain::time::format_date_time;
use crate::format::documents::Document;
use crate::i18n::Strings;
use crate::state::records::{use_records, use_records_writer};
use crate::state::use_strings;

/// How a version reads in one field of the comparison.
fn field_text(s: &Strings, field: ReportField, r: &Report) -> String {
    match field {
        ReportField::Deleted => if r.deleted {
            s.app().deleted_word
        } else {
            s.app().kept_word
        }
        .into(),
        ReportField::Status => s.status(r.status()).into(),
        ReportField::Timeline => r.timeline.last().map_or_else(String::new, |e| {
            let latest = format!("{} {}", s.status(e.status), format_date_time(e.at));
            format!(
                "{}{}{latest} {}",
                r.timeline.len(),
                s.app().conflict_steps,
                e.note
            )
        }),
        ReportField::Description => r.description.clone(),
        ReportField::Category => s.category(r.category).into(),
        ReportField::Urgency => s.urgency(r.urgency).into(),
        ReportField::Place => [Some(&r.compound), r.building.as_ref(), r.unit.as_ref()]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" / "),
        ReportField::Reporter => [r.reporter_name.as_deref(), r.reporter_phone.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        ReportField::Photos => r.photos.len().to_string(),
        ReportField::Followers => r.followers.to_string(),
        ReportField::Satisfaction => r
            .satisfaction
            .map_or_else(String::new, |n| "★".repeat(n.into())),
    }
}

/// Shown on a report's page while it has another live version.
#[component]
pub fn ConflictPanel(
    /// The version every reader shows now.
    report: Report,
) -> impl IntoView {
    let records = use_records();
    let records_writer = use_records_writer();
    let s = use_strings();
    let doc_id = report.doc_id();
    let other = Memo::new(move |_| {
        records.report_conflicts.with(|all| {
            all.iter()
                .find(|c| c.doc_id == doc_id)
                .and_then(|c| c.others.first().cloned())
        })
    });
    move || {
        let other = other.get()?;
        let shown = report.clone();
        let rows = differing_fields(&shown, &other)
            .into_iter()
            .map(|f| {
                let (a, b) = (shown.clone(), other.clone());
                view! {
                    <tr data-field=f.key()>
                        <th scope="row">{move || (s().app().conflict_fields)(f)}</th>
                        <td>{move || field_text(s(), f, &a)}</td>
                        <td>{move || field_text(s(), f, &b)}</td>
                    </tr>
                }
            })
            .collect_view();
        let keep = move |kept: Report| {
            let doc_id = kept.doc_id();
            move |_| {
                records_writer
                    .report_docs
                    .resolve(doc_id.clone(), kept.clone())
            }
        };
        let merged = merge_versions(&shown, &other);
        Some(view! {
            <section class="conflict" aria-labelledby="conflict-title" role="region">
                <h2 id="conflict-title" class="conflict__title">{move || s().app().conflict_title}</h2>
                <p>{move || s().app().conflict_explain}</p>
                <div class="conflict__scroll">
                    <table class="conflict__table">
                        <thead>
                            <tr>
                                <td></td>
                                <th scope="col">{move || s().app().conflict_shown}</th>
                                <th scope="col">{move || s().app().conflict_other}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="conflict__actions">
                    <button type="button" class="button button--secondary" data-keep="shown" on:click=keep(shown.clone())>
                        {move || s().app().conflict_keep} " · " {move || s().app().conflict_shown}
                    </button>
                    <button type="button" class="button button--secondary" data-keep="other" on:click=keep(other.clone())>
                        {move || s().app().conflict_keep} " · " {move || s().app().conflict_other}
                    </button>
                    <button type="button" class="button" data-keep="merged" on:click=keep(merged)>
                        {move || s().app().conflict_merge}
                    </button>
                </div>
            </section>
        })
    }
}
