//! A steward changes a report in their queue: gives it to another steward, says it is
//! another kind of problem, sets another deadline, or marks it the same problem as
//! another report — each with a reason, each a step of its timeline. Only the changes the
//! steward's role may make are offered (`report_changes`); a refused change says why and
//! stores nothing. After a reassignment, the report goes to the steward taking it over by
//! a hand-off link.

use leptos::prelude::*;

use crate::components::handoff::HandoffSend;
use crate::domain::compound::Compound;
use crate::domain::duplicates::{first_of, share_progress};
use crate::domain::phone::parse_phone;
use crate::domain::report::{Category, Report};
use crate::domain::report_changes::{ChangeError, ChangeKind, StepChange, changeable};
use crate::domain::steward::Role;
use crate::domain::time::{DAY_MS, format_date, parse_date};
use crate::format::handoff::{Message, ReportCopy};
use crate::i18n::Strings;
use crate::i18n::share::report_text;
use crate::platform::clock::now;
use crate::state::records::{Records, RecordsWriter, use_records, use_records_writer};
use crate::state::{use_console_strings, use_state, use_strings};

/// The form, for a report a steward of `role` may still change.
#[component]
pub fn ChangeStep(
    /// The report.
    report: Report,
    /// The steward's role, recorded with the step.
    role: Role,
    /// Set when a change was saved, so the page offers to send it on.
    saved: RwSignal<bool>,
) -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let records_writer = use_records_writer();
    let s = use_strings();
    let c = use_console_strings();
    let kinds: Vec<ChangeKind> = ChangeKind::ALL
        .into_iter()
        .filter(|k| k.may(Some(role)))
        .collect();
    if !changeable(report.status()) || kinds.is_empty() {
        return None;
    }
    let all_mine = kinds.len() == ChangeKind::ALL.len();
    let compound = state
        .compounds
        .with_untracked(|cs| cs.0.iter().find(|c| c.id == report.compound).cloned());
    let compound = StoredValue::new(compound);
    let kind = RwSignal::new(kinds[0]);
    // The new value as the field gives it: a steward or report id, a category key, a date.
    let value = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ChangeError>);
    let report = StoredValue::new(report);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = value.get_untracked();
        let change = match kind.get_untracked() {
            ChangeKind::Reassign => Some(StepChange::Reassign(v)),
            ChangeKind::Recategorise => Category::from_key(&v).map(StepChange::Recategorise),
            // The end of the chosen day (UTC+8).
            ChangeKind::Deadline => parse_date(&v).map(|t| StepChange::Deadline(t + DAY_MS - 1)),
            ChangeKind::DuplicateOf => Some(StepChange::DuplicateOf(v)),
        };
        let Some(change) = change else {
            return error.set(Some(match kind.get_untracked() {
                ChangeKind::Deadline => ChangeError::BadDeadline,
                _ => ChangeError::Unchanged,
            }));
        };
        // A duplicate joins the group of the report it names (a group has one first).
        let change = match change {
            StepChange::DuplicateOf(id) => StepChange::DuplicateOf(
                records
                    .reports
                    .with_untracked(|all| first_of(all, &id))
                    .unwrap_or(id),
            ),
            other => other,
        };
        let mut updated = report.get_value();
        let at = now();
        let by = Some(role);
        let done = compound
            .with_value(|c| updated.change(change, &note.get_untracked(), by, c.as_ref(), at));
        match done {
            Ok(()) => {
                error.set(None);
                saved.set(true);
                store_with_group(records, records_writer, updated);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let options = kinds
        .iter()
        .map(|k| {
            let k = *k;
            view! { <option value=k.key() selected=move || kind.get() == k>{move || c().change_option(k)}</option> }
        })
        .collect_view();
    // What may be chosen for a kind, as (value, words): the compound's other stewards, the
    // other categories, or the other open reports of the compound (newest first). One
    // list for the three kinds keeps the console's code small.
    let choices = move |k: ChangeKind| -> Vec<(String, String)> {
        let s = s();
        let (id, compound_id, current, category) = report.with_value(|r| {
            (
                r.id.clone(),
                r.compound.clone(),
                r.assigned.clone(),
                r.category,
            )
        });
        match k {
            ChangeKind::Reassign => compound.with_value(|c| {
                c.iter()
                    .flat_map(|c| c.stewards.iter())
                    .filter(|p| Some(&p.id) != current.as_ref())
                    .map(|p| {
                        (
                            p.id.clone(),
                            s.with_note(&p.name, &format!("{} · {}", s.role(p.role), p.title)),
                        )
                    })
                    .collect()
            }),
            ChangeKind::Recategorise => Category::ALL
                .into_iter()
                .filter(|c| *c != category)
                .map(|c| (c.key().to_string(), s.category(c).to_string()))
                .collect(),
            ChangeKind::DuplicateOf => records.reports.with_untracked(|all| {
                let mut others: Vec<&Report> = all
                    .iter()
                    .filter(|r| r.id != id && r.compound == compound_id && !r.deleted)
                    .filter(|r| r.status().is_open() && r.duplicate_of().is_none())
                    .collect();
                others.sort_by_key(|r| std::cmp::Reverse(r.created_at));
                others
                    .into_iter()
                    .map(|r| {
                        let first: String = r.description.chars().take(20).collect();
                        (
                            r.id.clone(),
                            format!("{} · {} · {first}", r.id, s.category(r.category)),
                        )
                    })
                    .collect()
            }),
            ChangeKind::Deadline => vec![],
        }
    };
    // The field for the new value, by kind; a new kind starts from nothing chosen.
    let field = move || {
        let k = kind.get();
        value.set(String::new());
        let label = move || c().change_to_label(k);
        let input = if k == ChangeKind::Deadline {
            let min = format_date(now() + DAY_MS);
            view! {
                <input class="field__input" type="date" name="change-to" min=min
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            }
            .into_any()
        } else {
            view! {
                <select class="field__input" name="change-to" on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="">{move || s().app().choose}</option>
                    {move || choices(k).into_iter().map(|(v, text)| view! { <option value=v>{text}</option> }).collect_view()}
                </select>
            }
            .into_any()
        };
        view! {
            <label class="field">
                <span class="field__label">{label}</span>
                {input}
            </label>
        }
    };
    Some(view! {
        <form class="update-panel change-step" on:submit=save novalidate>
            <h2>{move || c().change_title}</h2>
            {(!all_mine).then(|| view! { <p class="hint">{move || c().change_role_hint}</p> })}
            <label class="field">
                <span class="field__label">{move || c().change_what}</span>
                <select class="field__input" name="change" on:change=move |ev| {
                    if let Some(k) = ChangeKind::from_key(&event_target_value(&ev)) {
                        error.set(None);
                        kind.set(k);
                    }
                }>{options}</select>
            </label>
            {field}
            <label class="field">
                <span class="field__label">{move || c().change_reason}</span>
                <textarea class="field__input" name="change-reason" rows="2" prop:value=note
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </label>
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{c().change_error(&e)}</p> })}
            <button type="submit" class="button">{move || c().change_save}</button>
        </form>
    })
}

/// Stores a report a steward changed, then what that changes in its group of duplicates
/// (`duplicates::share_progress`): the first report's steps on each duplicate, and the
/// group's size on each.
pub fn store_with_group(records: Records, writer: RecordsWriter, updated: Report) {
    let id = updated.id.clone();
    let changed = records.reports.with_untracked(|all| {
        let mut all: Vec<Report> = all.iter().filter(|r| r.id != id).cloned().collect();
        all.push(updated.clone());
        first_of(&all, &id).map_or_else(Vec::new, |first| share_progress(&all, &first))
    });
    writer.upsert_report(updated);
    for r in changed {
        writer.upsert_report(r);
    }
}

/// After a reassignment: the report, with its steps, to the steward taking it over — by
/// SMS to their number in the roster, or shared.
#[component]
pub fn Handover(
    /// The reassigned report.
    report: Report,
    /// Its compound, for the steward's number and the place.
    compound: Option<Compound>,
) -> impl IntoView {
    let state = use_state();
    let c = use_console_strings();
    let to = compound.as_ref().and_then(|cp| {
        cp.stewards
            .iter()
            .find(|p| Some(&p.id) == report.assigned.as_ref())
            .cloned()
    });
    let sms = to.as_ref().and_then(|p| {
        let phone = parse_phone(&p.phone).ok()?;
        let label = format!("{} {} {}", c().handover_sms, p.name, phone.display());
        Some((phone, Signal::derive(move || label.clone())))
    });
    let place = report.place_name(compound.as_ref());
    let summary = {
        let report = report.clone();
        Signal::derive(move || report_text(&report, &place, state.lang.get()))
    };
    let label: fn(&Strings) -> &'static str = |s| s.app().share_report;
    view! {
        <section class="send notice notice--info" aria-labelledby="handover-title">
            <h2 id="handover-title">{move || c().handover_title}</h2>
            <p class="hint">{move || c().handover_hint}</p>
            <HandoffSend message=Message::Report(Box::new(ReportCopy::of(&report))) summary=summary
                intro=|h| h.link_line_report sms=sms title=report.id.clone() share_label=label/>
        </section>
    }
}
