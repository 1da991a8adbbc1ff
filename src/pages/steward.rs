//! `/steward`: steward mode behind a PIN. Set the PIN on first use, type it to enter;
//! inside: who I am and which compounds I look after, and the current compound's notices.
//! Every tap keeps it open; ten idle minutes or the lock button close it.

use leptos::prelude::*;

use crate::components::steward::change_log::ChangeLog;
use crate::components::steward::facts_editor::FactsEditor;
use crate::components::steward::gate::StewardGate;
use crate::components::steward::glance::Glance;
use crate::components::steward::log_forms::LogForms;
use crate::components::steward::map_editor::MapEditor;
use crate::components::steward::notice_editor::NoticeEditor;
use crate::components::steward::package_export::PackageExport;
use crate::components::steward::profile_form::ProfileForm;
use crate::components::steward::queue::Queue;
use crate::components::steward::record_conflicts::RecordConflicts;
use crate::components::steward::roster_editor::RosterEditor;
use crate::components::steward::roster_import::RosterImport;
use crate::components::steward::tier_panel::TierPanel;
use crate::components::sync_panel::SyncPanel;
use crate::state::steward_session::use_steward_session;
use crate::state::{use_console_strings, use_state};

#[component]
pub fn StewardPage() -> impl IntoView {
    let c = use_console_strings();
    let session = use_steward_session();
    view! {
        <section class="page steward" on:pointerdown=move |_| session.touch() on:keydown=move |_| session.touch()>
            <h1 class="page__title">{move || c().steward_title}</h1>
            <StewardGate><StewardHome/></StewardGate>
        </section>
    }
}

/// Inside steward mode.
#[component]
fn StewardHome() -> impl IntoView {
    let state = use_state();
    let c = use_console_strings();
    let session = use_steward_session();
    let mine = session.my_compounds();
    // The id only: the editor reads its compound itself, and is not made anew on each save.
    let current = Memo::new(move |_| {
        let id = session.mode.with(|m| m.current.clone())?;
        state
            .compounds
            .with(|c| c.0.iter().any(|c| c.id == id))
            .then_some(id)
    });
    let names = move || {
        state.compounds.with(|all| {
            mine.get()
                .into_iter()
                .filter_map(|id| {
                    all.0
                        .iter()
                        .find(|c| c.id == id)
                        .map(|c| (id, c.name.clone()))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Glance/>
        <div class="steward__bar">
            <button type="button" class="button button--secondary" on:click=move |_| session.lock()>{move || c().lock_now}</button>
            <p class="hint">{move || c().auto_lock_hint}</p>
        </div>
        <RecordConflicts/>
        <SyncPanel/>
        <TierPanel/>
        <Queue/>
        <ProfileForm/>
        <RosterImport/>
        <PackageExport/>
        // The work on the chosen compound, beside the profile on an office screen.
        <div class="steward__work">
            <Show when=move || !mine.with(Vec::is_empty)>
                <div class="field">
                    <label class="field__label" for="working-on">{move || c().working_on}</label>
                    <select id="working-on" class="field__input" name="working_on"
                        on:change=move |ev| { let id = event_target_value(&ev); session.update(|m| m.current = Some(id)) }>
                        {move || names().into_iter().map(|(id, name)| {
                            let selected = session.mode.with(|m| m.current.as_deref() == Some(id.as_str()));
                            view! { <option value=id selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            {move || current.get().map(|id| view! {
                <FactsEditor compound_id=id.clone()/>
                <MapEditor compound_id=id.clone()/>
                <RosterEditor compound_id=id.clone()/>
                <ChangeLog compound_id=id.clone()/>
                <NoticeEditor compound_id=id.clone()/>
                <LogForms compound_id=id/>
            })}
        </div>
    }
}
