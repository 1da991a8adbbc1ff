//! `/report/new?c=&b=&u=` (and `?draft=ID`): the report form. It is saved as a draft on
//! every keystroke, so closing the app loses nothing; several drafts can exist.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::replace_in_place;

use crate::components::form_fields::{FieldMessage, building_options, unit_options};
use crate::components::photos::Photos;
use crate::domain::Millis;
use crate::domain::limits::DESCRIPTION_MAX;
use crate::domain::report::{Category, Report, Status, Urgency, reference_number};
use crate::domain::report_rules::{
    AnswerKind, FieldError, ReportInput, likely_duplicates, questions, validate,
};
use crate::domain::routing::responsible_steward;
use crate::domain::time::DAY_MS;
use crate::i18n::{
    category_label, field_error_message, question_label, strings, urgency_label, yes_no,
};
use crate::store::state::{AppState, use_state, use_writer};

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

fn blank_draft(state: AppState, c: Option<String>, b: Option<String>, u: Option<String>) -> Report {
    let mine = state.settings.with_untracked(|s| s.my_building.clone());
    let from_mine = c.is_none();
    let at = now();
    Report::draft(
        reference_number(at, (js_sys::Math::random() * f64::from(u32::MAX)) as u32),
        c.or_else(|| mine.as_ref().map(|m| m.compound.clone()))
            .unwrap_or_default(),
        if from_mine {
            mine.as_ref().map(|m| m.building.clone())
        } else {
            b
        },
        if from_mine {
            mine.and_then(|m| m.unit)
        } else {
            u
        },
        at,
    )
}

/// Days a steward has, by urgency, before the report counts as overdue.
fn days_allowed(urgency: Urgency) -> Millis {
    match urgency {
        Urgency::Normal => 7,
        Urgency::Urgent => 3,
        Urgency::Emergency => 1,
    }
}

fn opt(text: String) -> Option<String> {
    Some(text).filter(|t| !t.trim().is_empty())
}

#[component]
pub fn ReportNewPage() -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let navigate = use_navigate();
    let s = move || strings(state.lang.get());
    let query = use_query_map();
    let param = move |k: &str| query.with_untracked(|q| q.get(k)).filter(|v| !v.is_empty());
    let existing = param("draft").and_then(|id| {
        state.reports.with_untracked(|all| {
            all.iter()
                .find(|r| r.id == id && r.status() == Status::Draft && !r.deleted)
                .cloned()
        })
    });
    let saved_before = existing.is_some();
    let initial =
        existing.unwrap_or_else(|| blank_draft(state, param("c"), param("b"), param("u")));
    let (draft, set_draft) = signal(initial);
    let (saved, set_saved) = signal(saved_before);
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let (dup_dismissed, set_dup_dismissed) = signal(false);

    // Every edit is written through to the store (whose effect persists it), and the URL
    // then names the draft so a reload reopens it.
    let edit = {
        let navigate = navigate.clone();
        move |change: &dyn Fn(&mut Report)| {
            set_draft.update(|d| {
                change(d);
                d.updated_at = now();
            });
            writer.upsert_report(draft.get_untracked());
            if !saved.get_untracked() {
                set_saved.set(true);
                let url = format!(
                    "/report/new?draft={}",
                    draft.with_untracked(|d| d.id.clone())
                );
                navigate(&url, replace_in_place());
            }
        }
    };

    let compound = Memo::new(move |_| {
        let id = draft.with(|d| d.compound.clone());
        state
            .compounds
            .with(|c| c.0.iter().find(|c| c.id == id).cloned())
    });
    let duplicates = Memo::new(move |_| {
        state.reports.with(|all| {
            draft.with(|d| {
                likely_duplicates(all, d, now())
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let error_for = move |pick: fn(&FieldError) -> bool| {
        move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| pick(e))
                    .map(|e| field_error_message(e, state.lang.get()))
            })
        }
    };

    let submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let d = draft.get_untracked();
            let input = ReportInput {
                compound: d.compound.clone(),
                building: d.building.clone().unwrap_or_default(),
                description: d.description.clone(),
                reporter_name: d.reporter_name.clone().unwrap_or_default(),
                reporter_phone: d.reporter_phone.clone().unwrap_or_default(),
            };
            let problems = validate(&input);
            set_errors.set(problems.clone());
            if !problems.is_empty() {
                return;
            }
            let mut report = d;
            let at = now();
            report.description = report.description.trim().to_string();
            report.expected_by = Some(at + days_allowed(report.urgency) * DAY_MS);
            report.assigned = compound.get_untracked().and_then(|c| {
                responsible_steward(
                    &c,
                    report.building.as_deref(),
                    report.unit.as_deref(),
                    report.category,
                )
                .map(|s| s.id.clone())
            });
            if report.transition(Status::Submitted, "", None, at).is_ok() {
                let id = report.id.clone();
                writer.upsert_report(report);
                navigate(&format!("/reports/{id}"), NavigateOptions::default());
            }
        }
    };

    let mine_too = {
        let navigate = navigate.clone();
        Callback::new(move |target: Report| {
            let mut target = target;
            target.followers += 1;
            target.updated_at = now();
            let id = target.id.clone();
            writer.upsert_report(target);
            let mut d = draft.get_untracked();
            d.deleted = true;
            d.updated_at = now();
            writer.upsert_report(d);
            navigate(&format!("/reports/{id}"), NavigateOptions::default());
        })
    };

    let edit_place = edit.clone();
    let edit_building = edit.clone();
    let edit_unit = edit.clone();
    let edit_category = edit.clone();
    let edit_answers = edit.clone();
    let edit_description = edit.clone();
    let edit_urgency = edit.clone();
    let edit_name = edit.clone();
    let edit_phone = edit.clone();
    let edit_share = edit.clone();
    let edit_photos = edit;
    let photo_keys = Signal::derive(move || draft.with(|d| d.photos.clone()));
    let on_photos =
        Callback::new(move |keys: Vec<String>| edit_photos(&|d| d.photos = keys.clone()));
    let photo_prefix = draft.with_untracked(|d| d.id.clone());

    view! {
        <form class="page report-form" on:submit=submit novalidate>
            <h1 class="page__title">{move || s().new_report_title}</h1>
            <p class="hint" role="status">{move || saved.get().then(|| s().draft_saved)}</p>
            <label class="field">
                <span class="field__label">{move || s().compound_label}</span>
                <select class="field__input" name="compound" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit_place(&|d| { d.compound = v.clone(); d.building = None; d.unit = None; })
                }>
                    <option value="">{move || s().choose}</option>
                    {move || {
                        let chosen = draft.with(|d| d.compound.clone());
                        state.compounds.with(|c| c.0.iter().map(|c| {
                            let selected = c.id == chosen;
                            view! { <option value=c.id.clone() selected=selected>{c.name.clone()}</option> }
                        }).collect_view())
                    }}
                </select>
                <FieldMessage message=Signal::derive(error_for(|e| matches!(e, FieldError::CompoundRequired)))/>
            </label>
            <div class="report-form__row">
                <label class="field">
                    <span class="field__label">{move || s().building_label}</span>
                    <select class="field__input" name="building" on:change=move |ev| {
                        let v = opt(event_target_value(&ev));
                        edit_building(&|d| { d.building = v.clone(); d.unit = None; })
                    }>
                        <option value="">{move || s().choose}</option>
                        {move || building_options(compound.get(), draft.with(|d| d.building.clone()))}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || s().unit_label}</span>
                    <select class="field__input" name="unit" on:change=move |ev| {
                        let v = opt(event_target_value(&ev));
                        edit_unit(&|d| d.unit = v.clone())
                    }>
                        <option value="">{move || s().whole_building}</option>
                        {move || unit_options(compound.get(), draft.with(|d| (d.building.clone(), d.unit.clone())))}
                    </select>
                </label>
            </div>
            <label class="field">
                <span class="field__label">{move || s().category_label}</span>
                <select class="field__input" name="category" on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    edit_category(&|d| { d.category = Category::ALL[i.min(8)]; d.answers.clear(); })
                }>
                    {move || Category::ALL.iter().enumerate().map(|(i, c)| {
                        let selected = draft.with(|d| d.category == *c);
                        view! { <option value=i.to_string() selected=selected>{category_label(*c, state.lang.get())}</option> }
                    }).collect_view()}
                </select>
            </label>
            {move || {
                let category = draft.with(|d| d.category);
                let edit_answers = edit_answers.clone();
                questions(category).iter().map(move |q| {
                    let key = q.key;
                    let current = move || draft.with(|d| d.answers.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default());
                    let edit_answers = edit_answers.clone();
                    let set = move |value: String| edit_answers(&|d| {
                        d.answers.retain(|(k, _)| k != key);
                        d.answers.push((key.to_string(), value.clone()));
                    });
                    let control = match q.kind {
                        AnswerKind::YesNo => view! {
                            <select class="field__input" name=key on:change=move |ev| set(event_target_value(&ev))>
                                <option value="">{move || s().choose}</option>
                                <option value="yes" selected=move || current() == "yes">{move || yes_no(true, state.lang.get())}</option>
                                <option value="no" selected=move || current() == "no">{move || yes_no(false, state.lang.get())}</option>
                            </select>
                        }.into_any(),
                        AnswerKind::Text => view! {
                            <input class="field__input" name=key maxlength="100" prop:value=current on:input=move |ev| set(event_target_value(&ev))/>
                        }.into_any(),
                    };
                    view! {
                        <label class="field">
                            <span class="field__label">{move || question_label(key, state.lang.get())}</span>
                            {control}
                        </label>
                    }
                }).collect_view()
            }}
            <label class="field">
                <span class="field__label">{move || s().description_label}</span>
                <textarea class="field__input report-form__description" name="description" rows="5"
                    placeholder=move || s().description_hint
                    prop:value=move || draft.with(|d| d.description.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit_description(&|d| d.description = v.clone()) }>
                </textarea>
                <span class="field__count" aria-live="polite">
                    {move || format!("{} / {DESCRIPTION_MAX}", draft.with(|d| d.description.chars().count()))}
                </span>
                <FieldMessage message=Signal::derive(error_for(|e| matches!(e, FieldError::Description(_))))/>
            </label>
            <fieldset class="field">
                <legend class="field__label">{move || s().photos_label}</legend>
                <Photos keys=photo_keys on_change=on_photos prefix=photo_prefix/>
            </fieldset>
            <fieldset class="field">
                <legend class="field__label">{move || s().urgency_label}</legend>
                {[Urgency::Normal, Urgency::Urgent, Urgency::Emergency].into_iter().map(|u| {
                    let edit_urgency = edit_urgency.clone();
                    view! {
                        <label class="choice">
                            <input type="radio" name="urgency" prop:checked=move || draft.with(|d| d.urgency == u)
                                on:change=move |_| edit_urgency(&|d| d.urgency = u)/>
                            {move || urgency_label(u, state.lang.get())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="field report-form__reporter">
                <legend class="field__label">{move || s().reporter_label}</legend>
                <p class="hint">{move || s().privacy_hint}</p>
                <label class="field">
                    <span>{move || s().name_label}</span>
                    <input class="field__input" name="reporter_name" autocomplete="name"
                        prop:value=move || draft.with(|d| d.reporter_name.clone().unwrap_or_default())
                        on:input=move |ev| { let v = opt(event_target_value(&ev)); edit_name(&|d| d.reporter_name = v.clone()) }/>
                    <FieldMessage message=Signal::derive(error_for(|e| matches!(e, FieldError::Name(_))))/>
                </label>
                <label class="field">
                    <span>{move || s().phone_label}</span>
                    <input class="field__input" name="reporter_phone" type="tel" autocomplete="tel"
                        prop:value=move || draft.with(|d| d.reporter_phone.clone().unwrap_or_default())
                        on:input=move |ev| { let v = opt(event_target_value(&ev)); edit_phone(&|d| d.reporter_phone = v.clone()) }/>
                    <FieldMessage message=Signal::derive(error_for(|e| matches!(e, FieldError::Phone(_))))/>
                </label>
                <label class="choice">
                    <input type="checkbox" name="share_phone" prop:checked=move || draft.with(|d| d.share_phone)
                        on:change=move |ev| { let on = event_target_checked(&ev); edit_share(&|d| d.share_phone = on) }/>
                    {move || s().share_phone_label}
                </label>
            </fieldset>
            <Show when=move || !dup_dismissed.get() && duplicates.with(|d| !d.is_empty())>
                <section class="duplicates notice notice--info" aria-labelledby="dup-title">
                    <h2 id="dup-title">{move || s().dup_title}</h2>
                    <ul class="duplicates__list">
                        {move || duplicates.get().into_iter().map(|r| {
                            let target = r.clone();
                            view! {
                                <li class="duplicates__item">
                                    <p>{r.id.clone()} " · " {r.description.clone()} " · " {r.followers + 1} " " {move || s().followers}</p>
                                    <button type="button" class="button button--secondary" on:click=move |_| mine_too.run(target.clone())>
                                        {move || s().dup_mine_too}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--secondary" on:click=move |_| set_dup_dismissed.set(true)>
                        {move || s().dup_different}
                    </button>
                </section>
            </Show>
            <button type="submit" class="button">{move || s().submit}</button>
        </form>
    }
}
