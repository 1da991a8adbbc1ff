//! A compound's stewards, kept in the app: added, changed, removed (asking first, and
//! saying which open reports are assigned to the person), each change written to the
//! change log. Every change is a local edit of the compound, so residents' cards and the
//! poster follow at once.

use leptos::prelude::*;

use crate::components::form_fields::{FieldMessage, text_field};
use crate::components::steward::change_log::{ChangeRecorder, steward_line};
use crate::domain::compound::Compound;
use crate::domain::roster_edit::{
    ChangeKind, RosterChange, StewardError, StewardInput, scope_key, scope_options, with_steward,
    without_steward,
};
use crate::domain::steward::{Role, Steward};
use crate::platform::clock::now;
use crate::platform::dialog::confirm;
use crate::state::records::{use_records, use_records_writer};
use crate::state::{use_console_strings, use_state, use_strings};

#[component]
pub fn RosterEditor(
    /// The compound whose stewards these are.
    compound_id: String,
) -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let records_writer = use_records_writer();
    let s = use_strings();
    let c = use_console_strings();
    let id = StoredValue::new(compound_id);
    let compound = state.compound(id.get_value());
    // `Some(None)`: adding; `Some(Some(id))`: changing that steward; `None`: no form.
    let editing = RwSignal::new(None::<Option<String>>);
    let input = RwSignal::new(StewardInput::default());
    let errors = RwSignal::new(Vec::<StewardError>::new());
    let (message, set_message) =
        signal(None::<fn(&crate::i18n::console::ConsoleStrings) -> &'static str>);
    let recorder = ChangeRecorder::new(id.get_value());
    let record = move |kind: ChangeKind, before: Option<Steward>, after: Option<Steward>| {
        recorder.record(RosterChange {
            before,
            after,
            ..recorder.change(kind)
        });
    };
    let open_form = move |steward: Option<Steward>| {
        input.set(
            steward
                .as_ref()
                .map(StewardInput::of)
                .unwrap_or_else(|| StewardInput {
                    role: Some(Role::Peacemaker),
                    scope: "compound".into(),
                    ..StewardInput::default()
                }),
        );
        errors.set(vec![]);
        set_message.set(None);
        editing.set(Some(steward.map(|st| st.id)));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = compound.get_untracked() else {
            return;
        };
        let at = now();
        let steward_id = editing
            .get_untracked()
            .flatten()
            .unwrap_or_else(|| format!("{}-s{at}", c.id));
        match input.get_untracked().check(&c, steward_id.clone(), at) {
            Ok(steward) => {
                let before = c.stewards.iter().find(|x| x.id == steward_id).cloned();
                let kind = if before.is_some() {
                    ChangeKind::StewardEdited
                } else {
                    ChangeKind::StewardAdded
                };
                records_writer.put_compound(with_steward(&c, steward.clone(), at));
                record(kind, before, Some(steward));
                editing.set(None);
                errors.set(vec![]);
                set_message.set(Some(|c| c.steward_saved));
            }
            Err(problems) => errors.set(problems),
        }
    };
    let remove = move |steward: Steward| {
        let Some(cp) = compound.get_untracked() else {
            return;
        };
        let assigned: Vec<String> = records.reports.with_untracked(|all| {
            all.iter()
                .filter(|r| {
                    r.assigned.as_deref() == Some(steward.id.as_str()) && r.status().is_open()
                })
                .map(|r| r.id.clone())
                .collect()
        });
        let words = c();
        let mut text = format!(
            "{}{}",
            words.confirm_remove,
            steward_line(s(), Some(&cp), &steward)
        );
        if !assigned.is_empty() {
            text.push_str(&format!(
                "{}{}",
                words.reports_assigned,
                s().list(&assigned)
            ));
        }
        let confirmed = confirm(&text);
        if confirmed {
            records_writer.put_compound(without_steward(&cp, &steward.id, now()));
            record(ChangeKind::StewardRemoved, Some(steward), None);
        }
    };
    let stewards =
        move || compound.with(|c| c.as_ref().map(|c| c.stewards.clone()).unwrap_or_default());
    view! {
        <section class="roster-editor panel" aria-labelledby="roster-editor-title">
            <h2 id="roster-editor-title">{move || c().stewards_title}</h2>
            <ul class="roster-editor__list">
                {move || stewards().into_iter().map(|st| {
                    let line = compound.with(|c| steward_line(s(), c.as_ref(), &st));
                    let (edit_st, remove_st) = (st.clone(), st.clone());
                    view! {
                        <li class="roster-editor__item" data-steward=st.id.clone()>
                            <span class="roster-editor__line">{line}</span>
                            <span class="roster-editor__actions">
                                <button type="button" class="button button--secondary" on:click=move |_| open_form(Some(edit_st.clone()))>{move || c().edit_steward}</button>
                                <button type="button" class="button button--danger" on:click=move |_| remove(remove_st.clone())>{move || c().remove_steward}</button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || message.get().map(|m| view! { <p class="notice notice--info" role="status">{move || m(c())}</p> })}
            <Show when=move || editing.with(Option::is_none)>
                <button type="button" class="button" on:click=move |_| open_form(None)>{move || c().add_steward}</button>
            </Show>
            <Show when=move || editing.with(Option::is_some)>
                <StewardForm compound=compound input=input errors=errors
                    on_submit=Callback::new(save) on_cancel=Callback::new(move |()| editing.set(None))/>
            </Show>
        </section>
    }
}

/// The add/change form: every field checked as the roster import checks it, each
/// message beside its field.
#[component]
fn StewardForm(
    /// The compound, for the scopes to choose from.
    compound: Memo<Option<Compound>>,
    /// The fields as typed.
    input: RwSignal<StewardInput>,
    /// Why the last save was refused.
    errors: RwSignal<Vec<StewardError>>,
    /// Save.
    on_submit: Callback<leptos::ev::SubmitEvent>,
    /// Close without saving.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let s = use_strings();
    let c = use_console_strings();
    let error_for = move |pick: fn(&StewardError) -> bool| {
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| pick(e))
                    .map(|e| c().steward_error(e, s()))
            })
        })
    };
    let scopes = move || compound.with(|c| c.as_ref().map(scope_options).unwrap_or_default());
    view! {
        <form class="steward-form" on:submit=move |ev| on_submit.run(ev) novalidate>
            {text_field(input, "steward-name", move || s().app().name_label, |i| i.name.clone(), |i, v| i.name = v,
                error_for(|e| matches!(e, StewardError::Name(_))))}
            <div class="field">
                <label class="field__label" for="steward-role">{move || c().role_label}</label>
                <select id="steward-role" class="field__input" name="steward-role"
                    on:change=move |ev| input.update(|i| i.role = Role::from_key(&event_target_value(&ev)))>
                    {Role::ALL.map(|r| view! {
                        <option value=r.key() selected=move || input.with(|i| i.role == Some(r))>{move || s().role(r)}</option>
                    }).collect_view()}
                </select>
            </div>
            {text_field(input, "steward-title", move || c().steward_title_label, |i| i.title.clone(), |i, v| i.title = v,
                error_for(|e| matches!(e, StewardError::Title(_))))}
            {text_field(input, "steward-phone", move || s().app().phone_label, |i| i.phone.clone(), |i, v| i.phone = v,
                error_for(|e| matches!(e, StewardError::Phone(_))))}
            <div class="field">
                <label class="field__label" for="steward-scope">{move || c().scope_label}</label>
                <select id="steward-scope" class="field__input" name="steward-scope" aria-describedby="steward-scope-error"
                    on:change=move |ev| input.update(|i| i.scope = event_target_value(&ev))>
                    {move || scopes().into_iter().map(|(scope, name)| {
                        let key = scope_key(&scope);
                        let selected = input.with(|i| i.scope == key);
                        view! { <option value=key selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <FieldMessage id="steward-scope-error" message=error_for(|e| matches!(e, StewardError::Scope))/>
            </div>
            {text_field(input, "steward-duty", move || c().duty_label, |i| i.duty_hours.clone(), |i, v| i.duty_hours = v,
                error_for(|e| matches!(e, StewardError::DutyHours(_))))}
            <div class="steward-form__actions">
                <button type="submit" class="button">{move || c().save_steward}</button>
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>{move || c().cancel_edit}</button>
            </div>
        </form>
    }
}
