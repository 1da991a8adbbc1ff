//! Where the problem is: compound, building and unit, each narrowing the next.

use leptos::prelude::*;

use super::{non_empty, use_draft_editor};
use crate::components::form_fields::FieldMessage;
use crate::domain::compound::Compound;
use crate::domain::report_rules::FieldError;
use crate::state::{use_state, use_strings};

#[component]
pub fn PlacePicker(
    /// The compound the draft names, if this phone knows it.
    compound: Memo<Option<Compound>>,
) -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let editor = use_draft_editor();
    let draft = editor.draft;
    let error = editor.error_for(|e| matches!(e, FieldError::CompoundRequired));
    view! {
        // A div, not a wrapping label: the message must not become part of the field's name.
        <div class="field">
            <label class="field__label" for="report-compound">{move || s().app().compound_label}</label>
            <select id="report-compound" class="field__input" name="compound" aria-describedby="compound-error"
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    editor.edit(|d| { d.compound = v; d.building = None; d.unit = None; })
                }>
                <option value="">{move || s().app().choose}</option>
                {move || {
                    let chosen = draft.with(|d| d.compound.clone());
                    state.compounds.with(|c| c.0.iter().map(|c| {
                        let selected = c.id == chosen;
                        view! { <option value=c.id.clone() selected=selected>{c.name.clone()}</option> }
                    }).collect_view())
                }}
            </select>
            <FieldMessage id="compound-error" message=error/>
        </div>
        <div class="report-form__row">
            <label class="field">
                <span class="field__label">{move || s().app().building_label}</span>
                <select class="field__input" name="building" on:change=move |ev| {
                    let v = non_empty(event_target_value(&ev));
                    editor.edit(|d| { d.building = v; d.unit = None; })
                }>
                    <option value="">{move || s().app().choose}</option>
                    {move || building_options(compound.get(), draft.with(|d| d.building.clone()))}
                </select>
            </label>
            <label class="field">
                <span class="field__label">{move || s().unit_label}</span>
                <select class="field__input" name="unit" on:change=move |ev| {
                    let v = non_empty(event_target_value(&ev));
                    editor.edit(|d| d.unit = v)
                }>
                    <option value="">{move || s().whole_building}</option>
                    {move || unit_options(compound.get(), draft.with(|d| (d.building.clone(), d.unit.clone())))}
                </select>
            </label>
        </div>
    }
}

fn building_options(compound: Option<Compound>, chosen: Option<String>) -> impl IntoView {
    compound
        .map(|c| {
            c.buildings()
                .map(|(_, b)| {
                    let selected = chosen.as_deref() == Some(b.id.as_str());
                    view! { <option value=b.id.clone() selected=selected>{b.name.clone()}</option> }
                })
                .collect_view()
        })
        .unwrap_or_default()
}

fn unit_options(
    compound: Option<Compound>,
    chosen: (Option<String>, Option<String>),
) -> impl IntoView {
    let (building, unit) = chosen;
    compound
        .and_then(|c| {
            let (_, b) = c.find_building(building.as_deref()?)?;
            Some(
                b.units
                    .iter()
                    .map(|u| {
                        let selected = unit.as_deref() == Some(u.id.as_str());
                        view! { <option value=u.id.clone() selected=selected>{u.name.clone()}</option> }
                    })
                    .collect_view(),
            )
        })
        .unwrap_or_default()
}
