//! A compound's facts edited in steward mode — name, community, subdistrict, built,
//! households, management mode, coverage, property company, hotline, community phone,
//! facilities, and the gas, power and lift emergency lines the danger screen offers —
//! checked as the roster import checks them, and written to the change log.

use leptos::prelude::*;

use crate::components::form_fields::text_field;
use crate::components::steward::change_log::ChangeRecorder;
use crate::domain::compound::{EmergencyKind, ManagementMode};
use crate::domain::compound_facts::{Facts, FactsError, FactsField, FactsInput};
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
    let label = move |field: FactsField| move || c().facts_label(field);
    // A typed field: its input is `facts-<key>`, its message the first problem in it.
    let field = move |field: FactsField| {
        let error = Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field() == field)
                    .map(|e| c().facts_error(e, s()))
            })
        });
        text_field(
            input,
            format!("facts-{}", field.key()),
            label(field),
            move |i: &FactsInput| i.text(field).to_string(),
            move |i: &mut FactsInput, v| i.set(field, v),
            error,
        )
    };
    use FactsField::*;
    view! {
        <form class="facts-editor panel" on:submit=save novalidate>
            <h2>{move || c().facts_title}</h2>
            {[Name, Community, Subdistrict, Built, Households].map(field).collect_view()}
            <div class="field">
                <label class="field__label" for="facts-mode">{label(Mode)}</label>
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
                {label(Covered)}
            </label>
            {[PropertyCompany, Hotline, CommunityPhone, Facilities].map(field).collect_view()}
            <fieldset class="facts-editor__emergency">
                <legend>{move || c().facts_emergency_title}</legend>
                <p class="hint">{move || c().facts_emergency_hint}</p>
                {EmergencyKind::ALL.map(|kind| field(FactsField::emergency(kind))).collect_view()}
            </fieldset>
            <button type="submit" class="button">{move || c().save_facts}</button>
            <Show when=move || saved.get()>
                <p class="notice notice--info" role="status">{move || c().facts_saved}</p>
            </Show>
        </form>
    }
}
