//! A compound's facts edited in steward mode — name, community, subdistrict, built,
//! households, management mode, coverage, property company, hotline, community phone,
//! facilities, and the gas, power and lift emergency lines the danger screen offers —
//! checked as the roster import checks them, and written to the change log.

use leptos::prelude::*;

use crate::components::form_fields::text_field;
use crate::components::steward::change_log::ChangeRecorder;
use crate::domain::compound::{EmergencyKind, ManagementMode};
use crate::domain::compound_facts::{Facts, FactsError, FactsInput};
use crate::domain::roster_edit::{ChangeKind, RosterChange};
use crate::state::records::use_records_writer;
use crate::state::{use_console_strings, use_state, use_strings};

#[component]
pub fn FactsEditor(
    /// The compound whose facts these are.
    compound_id: String,
) -> impl IntoView {
    let state = use_state();
    let records_writer = use_records_writer();
    let s = use_strings();
    let c = use_console_strings();
    let recorder = ChangeRecorder::new(compound_id.clone());
    let id = StoredValue::new(compound_id);
    let current = move || {
        state
            .compounds
            .with_untracked(|all| all.0.iter().find(|c| c.id == id.get_value()).cloned())
    };
    let input = RwSignal::new(
        current()
            .map(|c| FactsInput::of(&Facts::of(&c)))
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FactsError>::new());
    let (saved, set_saved) = signal(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(cp) = current() else {
            return;
        };
        match input.get_untracked().check() {
            Ok(facts) => {
                let before = Facts::of(&cp);
                errors.set(vec![]);
                set_saved.set(true);
                // The form shows what was stored (phone numbers normalised).
                input.set(FactsInput::of(&facts));
                if facts == before {
                    return;
                }
                let change = recorder.change(ChangeKind::FactsEdited);
                records_writer.put_compound(facts.applied_to(&cp, change.at));
                recorder.record(RosterChange {
                    facts_before: Some(before),
                    facts_after: Some(facts),
                    ..change
                });
            }
            Err(problems) => {
                set_saved.set(false);
                errors.set(problems);
            }
        }
    };
    let error_for = move |pick: fn(&FactsError) -> bool| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|e| pick(e)).map(|e| c().facts_error(e, s())))
        })
    };
    let label = move |i: usize| move || c().facts_labels[i];
    view! {
        <form class="facts-editor panel" on:submit=save novalidate>
            <h2>{move || c().facts_title}</h2>
            {text_field(input, "facts-name", label(0), |i| i.name.clone(), |i, v| i.name = v,
                error_for(|e| matches!(e, FactsError::Name(_))))}
            {text_field(input, "facts-community", label(1), |i| i.community.clone(), |i, v| i.community = v,
                error_for(|e| matches!(e, FactsError::Community(_))))}
            {text_field(input, "facts-subdistrict", label(2), |i| i.subdistrict.clone(), |i, v| i.subdistrict = v,
                error_for(|e| matches!(e, FactsError::Subdistrict(_))))}
            {text_field(input, "facts-built", label(3), |i| i.built.clone(), |i, v| i.built = v,
                error_for(|e| matches!(e, FactsError::Built)))}
            {text_field(input, "facts-households", label(4), |i| i.households.clone(), |i, v| i.households = v,
                error_for(|e| matches!(e, FactsError::Households)))}
            <div class="field">
                <label class="field__label" for="facts-mode">{label(5)}</label>
                <select id="facts-mode" class="field__input" name="facts-mode"
                    on:change=move |ev| input.update(|i| i.mode = ManagementMode::from_key(&event_target_value(&ev)))>
                    {ManagementMode::ALL.map(|m| view! {
                        <option value=m.key() selected=move || input.with(|i| i.mode == Some(m))>{move || s().mode(m)}</option>
                    }).collect_view()}
                </select>
            </div>
            <label class="choice">
                <input type="checkbox" name="facts-covered" prop:checked=move || input.with(|i| i.covered)
                    on:change=move |ev| input.update(|i| i.covered = event_target_checked(&ev))/>
                {label(6)}
            </label>
            {text_field(input, "facts-company", label(7), |i| i.property_company.clone(), |i, v| i.property_company = v,
                error_for(|e| matches!(e, FactsError::PropertyCompany(_))))}
            {text_field(input, "facts-hotline", label(8), |i| i.hotline.clone(), |i, v| i.hotline = v,
                error_for(|e| matches!(e, FactsError::Hotline(_))))}
            {text_field(input, "facts-community-phone", label(9), |i| i.community_phone.clone(), |i, v| i.community_phone = v,
                error_for(|e| matches!(e, FactsError::CommunityPhone(_))))}
            {text_field(input, "facts-facilities", label(10), |i| i.facilities.clone(), |i, v| i.facilities = v,
                error_for(|e| matches!(e, FactsError::Facilities(_))))}
            <fieldset class="facts-editor__emergency">
                <legend>{move || c().facts_emergency_title}</legend>
                <p class="hint">{move || c().facts_emergency_hint}</p>
                {EmergencyKind::ALL.map(|kind| {
                    let i = kind.index();
                    text_field(input, ["facts-gas", "facts-power", "facts-lift"][i], label(11 + i),
                        [|f: &FactsInput| f.emergency[0].clone(), |f: &FactsInput| f.emergency[1].clone(), |f: &FactsInput| f.emergency[2].clone()][i],
                        [|f: &mut FactsInput, v| f.emergency[0] = v, |f: &mut FactsInput, v| f.emergency[1] = v, |f: &mut FactsInput, v| f.emergency[2] = v][i],
                        error_for([
                            |e: &FactsError| matches!(e, FactsError::Emergency(EmergencyKind::Gas, _)),
                            |e: &FactsError| matches!(e, FactsError::Emergency(EmergencyKind::Power, _)),
                            |e: &FactsError| matches!(e, FactsError::Emergency(EmergencyKind::Lift, _)),
                        ][i]))
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button">{move || c().save_facts}</button>
            <Show when=move || saved.get()>
                <p class="notice notice--info" role="status">{move || c().facts_saved}</p>
            </Show>
        </form>
    }
}
