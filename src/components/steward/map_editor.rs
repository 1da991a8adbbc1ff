//! The battle map's places in steward mode: choose a place (the compound, a grid, a
//! building, a unit), then rename it, add a place inside it, move a building to another
//! grid, or remove it — asking first, naming the stewards whose scope widens and the
//! reports made there. Every change goes to the change log and can be undone.

use leptos::prelude::*;

use crate::components::steward::change_log::ChangeRecorder;
use crate::domain::compound::Compound;
use crate::domain::place_edit::{
    MapTree, Place, PlaceError, add_place, affected, move_building, remove_place, rename_place,
};
use crate::domain::roster_edit::{ChangeKind, RosterChange, scope_key, scope_options};
use crate::platform::dialog::confirm;
use crate::state::records::{use_records, use_records_writer};
use crate::state::{use_console_strings, use_state, use_strings};

#[component]
pub fn MapEditor(
    /// The compound whose map this is.
    compound_id: String,
) -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let records_writer = use_records_writer();
    let s = use_strings();
    let c = use_console_strings();
    let recorder = ChangeRecorder::new(compound_id.clone());
    let id = StoredValue::new(compound_id);
    let compound = state.compound(id.get_value());
    let chosen = RwSignal::new("compound".to_string());
    let (rename_to, child, move_to) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = RwSignal::new(None::<PlaceError>);
    let places = move || compound.with(|c| c.as_ref().map(scope_options).unwrap_or_default());
    let place = move || {
        places()
            .into_iter()
            .find(|(scope, _)| scope_key(scope) == chosen.get_untracked())
            .map(|(scope, name)| (Place::of_scope(&scope), name))
    };
    // Writes the changed compound and logs it with the map before and after.
    let commit =
        move |before: &Compound, result: Result<Compound, PlaceError>, note: String| match result {
            Ok(mut after) => {
                let change = recorder.change(ChangeKind::PlacesEdited);
                after.updated_at = change.at;
                recorder.record(RosterChange {
                    tree_before: Some(MapTree::of(before)),
                    tree_after: Some(MapTree::of(&after)),
                    note,
                    ..change
                });
                records_writer.put_compound(after);
                error.set(None);
                true
            }
            Err(e) => {
                error.set(Some(e));
                false
            }
        };
    let rename = move |_| {
        let (Some(cp), Some((p, old))) = (compound.get_untracked(), place()) else {
            return;
        };
        let to = rename_to.get_untracked();
        let note = format!("{} {old} → {}", c().word_renamed, to.trim());
        if commit(&cp, rename_place(&cp, &p, &to), note) {
            rename_to.set(String::new());
        }
    };
    let add = move |_| {
        let (Some(cp), Some((p, around))) = (compound.get_untracked(), place()) else {
            return;
        };
        let prefix = match p {
            Place::Compound => "g",
            Place::Grid(_) => "b",
            _ => "u",
        };
        let name = child.get_untracked();
        let new_id = format!("{prefix}{}", crate::platform::clock::now());
        let note = format!("{} {around} · {}", c().word_added, name.trim());
        if commit(&cp, add_place(&cp, &p, &name, new_id), note) {
            child.set(String::new());
        }
    };
    let relocate = move |_| {
        let (Some(cp), Some((Place::Building(b), name))) = (compound.get_untracked(), place())
        else {
            return error.set(Some(PlaceError::Gone));
        };
        let to = move_to.get_untracked();
        let grid_name = cp
            .grids
            .iter()
            .find(|g| g.id == to)
            .map(|g| g.name.clone())
            .unwrap_or_default();
        let note = format!("{} {name} → {grid_name}", c().word_moved);
        commit(&cp, move_building(&cp, &b, &to), note);
    };
    let remove = move |_| {
        let (Some(cp), Some((p, name))) = (compound.get_untracked(), place()) else {
            return;
        };
        let hit = records.reports.with_untracked(|r| affected(&cp, &p, r));
        let mut question = (c().remove_place_confirm)(&name);
        if !hit.stewards.is_empty() {
            question.push_str(&format!(
                "\n{}{}",
                c().stewards_widen,
                s().list(&hit.stewards)
            ));
        }
        if !hit.reports.is_empty() {
            question.push_str(&format!("\n{}{}", c().reports_keep, s().list(&hit.reports)));
        }
        let confirmed = confirm(&question);
        if confirmed
            && commit(
                &cp,
                remove_place(&cp, &p),
                format!("{} {name}", c().word_removed),
            )
        {
            chosen.set("compound".into());
        }
    };
    let message = move || {
        error.get().map(|e| match e {
            PlaceError::Name(e) => s().text_error(&e),
            PlaceError::Taken => c().err_place_taken.to_string(),
            PlaceError::Gone => c().err_place_gone.to_string(),
        })
    };
    let is = move |pick: fn(&Place) -> bool| move || place().is_some_and(|(p, _)| pick(&p));
    view! {
        <section class="map-editor panel" aria-labelledby="map-editor-title">
            <h2 id="map-editor-title">{move || c().map_title}</h2>
            <div class="field">
                <label class="field__label" for="map-place">{move || c().place_label}</label>
                <select id="map-place" class="field__input" name="map-place"
                    on:change=move |ev| {
                        chosen.set(event_target_value(&ev));
                        error.set(None);
                        rename_to.set(String::new());
                        child.set(String::new());
                    }>
                    {move || places().into_iter().map(|(scope, name)| {
                        let depth = match scope { crate::domain::steward::Scope::Compound => 0, crate::domain::steward::Scope::Grid { .. } => 1, crate::domain::steward::Scope::Building { .. } => 2, _ => 3 };
                        let key = scope_key(&scope);
                        // Marked on every option: options are updated in place when the
                        // map changes, and the shown choice must stay the one acted on.
                        let selected = chosen.with(|c| *c == key);
                        view! { <option value=key selected=selected>{"\u{3000}".repeat(depth)}{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <p class="field__error" role="alert">{message}</p>
            <Show when=is(|p| !matches!(p, Place::Compound))>
                <div class="map-editor__row">
                    <label class="field__label" for="map-rename">{move || c().rename_label}</label>
                    <input id="map-rename" class="field__input" name="map-rename" prop:value=rename_to
                        on:input=move |ev| rename_to.set(event_target_value(&ev))/>
                    <button type="button" class="button button--secondary" on:click=rename>{move || c().rename_button}</button>
                </div>
            </Show>
            <Show when=is(|p| !matches!(p, Place::Unit(..)))>
                <div class="map-editor__row">
                    <label class="field__label" for="map-add">{move || c().add_place_label}</label>
                    <input id="map-add" class="field__input" name="map-add" prop:value=child
                        on:input=move |ev| child.set(event_target_value(&ev))/>
                    <button type="button" class="button button--secondary" on:click=add>{move || c().add_place_button}</button>
                </div>
            </Show>
            <Show when=is(|p| matches!(p, Place::Building(_)))>
                <div class="map-editor__row">
                    <label class="field__label" for="map-move">{move || c().move_label}</label>
                    <select id="map-move" class="field__input" name="map-move" on:change=move |ev| move_to.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {move || compound.with(|cp| cp.as_ref().map(|cp| cp.grids.iter().map(|g| view! {
                            <option value=g.id.clone()>{g.name.clone()}</option>
                        }).collect_view()))}
                    </select>
                    <button type="button" class="button button--secondary" on:click=relocate>{move || c().move_button}</button>
                </div>
            </Show>
            <Show when=is(|p| !matches!(p, Place::Compound))>
                <button type="button" class="button button--danger" on:click=remove>{move || c().remove_place_button}</button>
            </Show>
        </section>
    }
}
