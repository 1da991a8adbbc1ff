//! `/reports/:id`: one report — send it to the responsible steward, its timeline, and
//! recording what happens next (every status change with a note; only the reporter's
//! confirmation makes it 办结).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::report_new::now;
use crate::components::photos::Photos;
use crate::components::share_button::ShareButton;
use crate::domain::compound::Compound;
use crate::domain::phone::parse_phone;
use crate::domain::report::{Report, Status, TransitionError};
use crate::domain::routing::responsible_role;
use crate::domain::steward::Role;
use crate::domain::time::{format_date, format_date_time};
use crate::i18n::share::report_text;
use crate::i18n::{
    Lang, Strings, answer_label, category_label, question_label, role_label, status_label, strings,
    urgency_label,
};
use crate::store::state::{use_state, use_writer};

/// "东塘村小区 3栋 2单元", from the ids a report keeps.
pub fn place_name(report: &Report, compound: Option<&Compound>) -> String {
    let Some(c) = compound else {
        return report.compound.clone();
    };
    let building = report
        .building
        .as_deref()
        .and_then(|b| c.find_building(b))
        .map(|(_, b)| b);
    let unit = building.and_then(|b| b.units.iter().find(|u| Some(&u.id) == report.unit.as_ref()));
    [
        Some(c.name.clone()),
        building.map(|b| b.name.clone()),
        unit.map(|u| u.name.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

#[component]
pub fn ReportDetailPage() -> impl IntoView {
    let state = use_state();
    let s = move || strings(state.lang.get());
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    let report = Memo::new(move |_| {
        let id = id();
        state
            .reports
            .with(|all| all.iter().find(|r| r.id == id && !r.deleted).cloned())
    });
    move || {
        match report.get() {
        None => view! { <section class="page"><p class="notice notice--error" role="alert">{s().report_not_found}</p></section> }.into_any(),
        Some(r) => view! { <ReportView report=r/> }.into_any(),
    }
    }
}

#[component]
fn ReportView(
    /// The report shown.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let s = move || strings(state.lang.get());
    let lang = state.lang.get_untracked();
    let compound = state
        .compounds
        .with_untracked(|c| c.0.iter().find(|c| c.id == report.compound).cloned());
    let place = place_name(&report, compound.as_ref());
    let status = report.status();
    let overdue = report.is_overdue(now());
    let answers = report
        .answers
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            let shown = answer_label(v, lang).to_string();
            view! { <dt>{question_label(k, lang)}</dt><dd>{shown}</dd> }
        })
        .collect_view();
    let timeline = report
        .timeline
        .iter()
        .rev()
        .map(|e| {
            let who = e.by.map_or(s().reporter_role, |r| role_label(r, lang));
            view! {
                <li class=format!("timeline__event timeline__event--{:?}", e.status)>
                    <p class="timeline__head"><b>{status_label(e.status, lang)}</b> " · " {who} " · " {format_date_time(e.at)}</p>
                    {(!e.note.is_empty()).then(|| view! { <p class="timeline__note">{e.note.clone()}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page report-detail">
            <h1 class="page__title">{category_label(report.category, lang)} " · " {place.clone()}</h1>
            <p class="report-detail__ref">{move || s().ref_label} ": " <b data-ref>{report.id.clone()}</b></p>
            <p>
                <span class=format!("status status--{status:?}") data-status=format!("{status:?}")>{status_label(status, lang)}</span>
                {overdue.then(|| view! { <span class="tag tag--overdue">{move || s().overdue_tag}</span> })}
            </p>
            <dl class="facts__list report-detail__facts">
                <dt>{move || s().urgency_label}</dt><dd>{urgency_label(report.urgency, lang)}</dd>
                {report.expected_by.map(|d| view! { <dt>{move || s().expected_by}</dt><dd>{format_date(d)}</dd> })}
                {(report.followers > 0).then(|| view! { <dt>{move || s().followers}</dt><dd>{report.followers}</dd> })}
                {report.satisfaction.map(|n| view! { <dt>{move || s().rating_label}</dt><dd>{"★".repeat(n as usize)}</dd> })}
                {answers}
                <Reporter report=report.clone()/>
            </dl>
            <p class="report-detail__description">{report.description.clone()}</p>
            {(!report.photos.is_empty()).then(|| view! { <Photos keys=Signal::stored(report.photos.clone())/> })}
            {status.is_open().then(|| view! { <SendPanel report=report.clone() compound=compound.clone() place=place.clone()/> })}
            <section class="timeline" aria-labelledby="timeline-title">
                <h2 id="timeline-title">{move || s().timeline}</h2>
                <ol class="timeline__list">{timeline}</ol>
            </section>
            {(status == Status::Resolved).then(|| view! { <ConfirmPanel report=report.clone()/> })}
            {(!status.next().is_empty()).then(|| view! { <UpdatePanel report=report.clone()/> })}
            <DeleteReport report=report.clone()/>
        </section>
    }
}

/// Who should get the report, and the ways to send it that work without a server.
#[component]
fn SendPanel(
    /// The report to send.
    report: Report,
    /// Its compound, for the steward lookup.
    compound: Option<Compound>,
    /// The place written out.
    place: String,
) -> impl IntoView {
    let state = use_state();
    let s = move || strings(state.lang.get());
    let steward = compound.as_ref().and_then(|c| {
        report
            .assigned
            .as_ref()
            .and_then(|id| c.stewards.iter().find(|s| &s.id == id))
            .cloned()
    });
    let text = {
        let report = report.clone();
        let place = place.clone();
        Signal::derive(move || report_text(&report, &place, state.lang.get()))
    };
    let sms = steward.as_ref().and_then(|st| {
        let phone = parse_phone(&st.phone).ok()?;
        Some((
            phone.sms_href(&text.get_untracked()),
            format!(
                "{} {} {}",
                role_label(st.role, state.lang.get_untracked()),
                st.name,
                phone.display()
            ),
        ))
    });
    view! {
        <section class="send notice notice--info" aria-labelledby="send-title">
            <h2 id="send-title">{move || s().send_title}</h2>
            <p class="hint">{move || s().send_hint}</p>
            {match sms {
                Some((href, who)) => view! {
                    <a class="button send__sms" href=href>{move || s().send_sms} " " {who}</a>
                }.into_any(),
                None => view! { <p>{move || s().no_steward}</p> }.into_any(),
            }}
            <ShareButton title=report.id.clone() text=text label=|s: &Strings| s.share_report/>
        </section>
    }
}

fn transition_message(error: &TransitionError, lang: Lang) -> &'static str {
    let s = strings(lang);
    match error {
        TransitionError::Illegal { .. } => s.err_illegal,
        TransitionError::NoteRequired => s.err_note,
        TransitionError::BadRating(_) => s.err_rating,
    }
}

/// Recording the next step: a legal next status, a note, and who records it.
#[component]
fn UpdatePanel(
    /// The report to update.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = move || strings(state.lang.get());
    let current = report.status();
    // Confirmation has its own panel (with the rating); every other legal step is here.
    let choices: Vec<Status> = current
        .next()
        .iter()
        .copied()
        .filter(|s| *s != Status::Confirmed)
        .collect();
    let (to, set_to) = signal(choices.first().copied());
    let (note, set_note) = signal(String::new());
    // Usually the steward the report was routed to records the next step.
    let routed = state.compounds.with_untracked(|c| {
        c.0.iter()
            .find(|c| c.id == report.compound)
            .map_or(Role::Red, |c| responsible_role(report.category, c.mode))
    });
    let (by, set_by) = signal(Some(routed));
    let (error, set_error) = signal(None::<TransitionError>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(target) = to.get_untracked() else {
            return;
        };
        let mut updated = report.clone();
        match updated.transition(target, &note.get_untracked(), by.get_untracked(), now()) {
            Ok(()) => {
                set_error.set(None);
                writer.upsert_report(updated);
            }
            Err(e) => set_error.set(Some(e)),
        }
    };
    let roles = [
        None,
        Some(Role::Red),
        Some(Role::Property),
        Some(Role::Peacemaker),
    ];
    view! {
        <form class="update settings__group" on:submit=save novalidate>
            <h2>{move || s().record_update}</h2>
            <label class="field">
                <span class="field__label">{move || s().new_status}</span>
                <select class="field__input" name="status" on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    set_to.set(choices.get(i).copied());
                }>
                    {current.next().iter().copied().filter(|s| *s != Status::Confirmed).enumerate().map(|(i, st)| view! {
                        <option value=i.to_string()>{move || status_label(st, state.lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="field__label">{move || s().recorded_by}</span>
                <select class="field__input" name="by" on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    set_by.set(roles[i.min(3)]);
                }>
                    {roles.into_iter().enumerate().map(|(i, r)| view! {
                        <option value=i.to_string() selected=r == Some(routed)>
                            {move || r.map_or(s().reporter_role, |r| role_label(r, state.lang.get()))}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="field__label">{move || s().note_label}</span>
                <textarea class="field__input" name="note" rows="3" prop:value=note on:input=move |ev| set_note.set(event_target_value(&ev))></textarea>
            </label>
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{transition_message(&e, state.lang.get())}</p> })}
            <button type="submit" class="button">{move || s().save_update}</button>
        </form>
    }
}

/// The reporter's answer to "is it fixed?": confirm with a rating, or reopen.
#[component]
fn ConfirmPanel(
    /// A report in the Resolved state.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = move || strings(state.lang.get());
    let (rating, set_rating) = signal(0u8);
    let (note, set_note) = signal(String::new());
    let (error, set_error) = signal(None::<TransitionError>);
    let apply = move |result: Result<Report, TransitionError>| match result {
        Ok(r) => writer.upsert_report(r),
        Err(e) => set_error.set(Some(e)),
    };
    let confirm = {
        let report = report.clone();
        move |_| {
            let mut r = report.clone();
            apply(
                r.confirm(rating.get_untracked(), &note.get_untracked(), now())
                    .map(|()| r),
            );
        }
    };
    let reopen = move |_| {
        let mut r = report.clone();
        apply(
            r.transition(Status::Reopened, &note.get_untracked(), None, now())
                .map(|()| r),
        );
    };
    view! {
        <section class="confirm notice notice--info" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{move || s().confirm_title}</h2>
            <fieldset class="field">
                <legend class="field__label">{move || s().rating_label}</legend>
                <div class="rating">
                    {(1..=5u8).map(|n| view! {
                        <label class="rating__star">
                            <input type="radio" name="rating" value=n.to_string() on:change=move |_| set_rating.set(n)/>
                            {n}
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <label class="field">
                <span class="field__label">{move || s().note_label}</span>
                <textarea class="field__input" name="confirm_note" rows="2" prop:value=note on:input=move |ev| set_note.set(event_target_value(&ev))></textarea>
            </label>
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{transition_message(&e, state.lang.get())}</p> })}
            <button type="button" class="button" on:click=confirm>{move || s().confirm_fixed}</button>
            <button type="button" class="button button--secondary" on:click=reopen>{move || s().not_fixed}</button>
        </section>
    }
}

/// Deleting a report removes its photos, then leaves a tombstone (for a later sync).
#[component]
fn DeleteReport(
    /// The report to delete.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let navigate = leptos_router::hooks::use_navigate();
    let s = move || strings(state.lang.get());
    let delete = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(s().confirm_delete).ok())
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        let mut gone = report.clone();
        let keys = std::mem::take(&mut gone.photos);
        gone.deleted = true;
        gone.updated_at = now();
        writer.upsert_report(gone);
        wasm_bindgen_futures::spawn_local(async move {
            for key in keys {
                let _ = crate::store::photos::delete(&key).await;
            }
        });
        navigate("/reports", Default::default());
    };
    view! { <button type="button" class="button button--danger" on:click=delete>{move || s().delete_report}</button> }
}

/// The reporter's name and phone, the phone masked (138****0001) until revealed on purpose.
#[component]
fn Reporter(
    /// Whose reporter.
    report: Report,
) -> impl IntoView {
    let state = use_state();
    let s = move || strings(state.lang.get());
    let phone = report
        .reporter_phone
        .as_deref()
        .and_then(|p| parse_phone(p).ok());
    let name = report.reporter_name.clone().unwrap_or_default();
    if phone.is_none() && name.is_empty() {
        return None;
    }
    let (revealed, set_revealed) = signal(false);
    let masked = phone.as_ref().map(|p| p.masked()).unwrap_or_default();
    let full = phone.as_ref().map(|p| p.display()).unwrap_or_default();
    let has_phone = phone.is_some();
    Some(view! {
        <dt>{move || s().reporter_role}</dt>
        <dd class="reporter">
            {name} " "
            <span class="reporter__phone">{move || if revealed.get() { full.clone() } else { masked.clone() }}</span>
            <Show when=move || has_phone && !revealed.get()>
                <button type="button" class="button button--small button--secondary" on:click=move |_| set_revealed.set(true)>
                    {move || s().show_number}
                </button>
            </Show>
        </dd>
    })
}
