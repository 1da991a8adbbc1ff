//! `/settings` (我的): language, elder mode, my building, and my data.

use leptos::prelude::*;

use crate::components::backup_tools::BackupExport;
use crate::components::claim_question::ClaimQuestion;
use crate::components::erase_button::EraseButton;
use crate::components::pwa_banners::InstallHelp;
use crate::components::storage_notice::StorageNotice;
use crate::components::sync_panel::SyncPanel;
use crate::i18n::Lang;
use crate::state::records::use_records;
use crate::state::{use_state, use_strings, use_writer};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_state();
    let records = use_records();
    let writer = use_writer();
    let s = use_strings();
    let set_lang = move |lang: Lang| writer.update_settings(|st| st.lang = lang);
    let elder = move || state.settings.with(|st| st.elder_mode);
    let my_building = move || {
        let mine = state.settings.with(|st| st.my_building.clone())?;
        state.compounds.with(|c| {
            let compound = c.0.iter().find(|c| c.id == mine.compound)?;
            let (_, b) = compound.find_building(&mine.building)?;
            Some((
                format!("{} {}", compound.name, b.name),
                format!("/c/{}/b/{}", compound.id, b.id),
            ))
        })
    };
    let (usage, set_usage) = signal(None::<(f64, f64)>);
    // Outer `None` until the browser answers; inner `None` where it cannot be asked.
    let (persisted, set_persisted) = signal(None::<Option<bool>>);
    wasm_bindgen_futures::spawn_local(async move {
        set_usage.set(crate::platform::pwa::storage_usage().await);
        set_persisted.set(Some(crate::platform::pwa::persisted().await));
    });
    let usage_text = move || {
        // Whole numbers only: formatting a float with decimals costs the wasm ~10 KB.
        usage.get().map(|(used, quota)| {
            let tenths_kb = (used / 102.4).round() as u64;
            format!(
                "{} {}.{} KB / {} MB",
                s().app().storage_used,
                tenths_kb / 10,
                tenths_kb % 10,
                (quota / 1_048_576.0).round() as u64
            )
        })
    };
    view! {
        <section class="page settings">
            <h1 class="page__title">{move || s().settings}</h1>
            <fieldset class="settings__group">
                <legend>{move || s().app().language}</legend>
                <label class="choice"><input type="radio" name="lang" prop:checked=move || state.lang.get() == Lang::Zh on:change=move |_| set_lang(Lang::Zh)/>" 中文"</label>
                <label class="choice"><input type="radio" name="lang" prop:checked=move || state.lang.get() == Lang::En on:change=move |_| set_lang(Lang::En)/>" English"</label>
            </fieldset>
            <div class="settings__group">
                <label class="choice">
                    <input type="checkbox" name="elder" prop:checked=elder
                        on:change=move |ev| { let on = event_target_checked(&ev); writer.update_settings(|st| st.elder_mode = on) }/>
                    " " {move || s().elder_mode}
                </label>
                <p class="hint">{move || s().app().elder_mode_hint}</p>
            </div>
            <div class="settings__group">
                <h2>{move || s().my_building}</h2>
                {move || match my_building() {
                    Some((name, href)) => view! {
                        <p><a href=href>{name}</a></p>
                        <button type="button" class="button button--secondary"
                            on:click=move |_| writer.update_settings(|st| st.my_building = None)>{move || s().app().clear_my_building}</button>
                    }.into_any(),
                    None => view! { <p>{move || s().app().not_chosen}</p> }.into_any(),
                }}
                <a href="/compounds" class="button button--secondary">{move || s().change_building}</a>
            </div>
            <div class="settings__group">
                <h2>{move || s().app().data}</h2>
                <p>{move || s().app().records_stored} ": " {move || records.reports.with(Vec::len)}</p>
                <p class="settings__usage" data-usage>{usage_text}</p>
                {move || persisted.get().map(|answer| {
                    let t = s().app();
                    let (key, text) = match answer {
                        Some(true) => ("granted", t.storage_persisted),
                        Some(false) => ("refused", t.storage_not_persisted),
                        None => ("unavailable", t.storage_cannot_persist),
                    };
                    view! { <p class="hint" data-persisted=key>{text}</p> }
                })}
                <StorageNotice/>
                <BackupExport/>
                // Restoring (and the CSV) is a page of the console: residents rarely need
                // it, so the app does not carry it.
                <a href="/steward/data" rel="external" class="button button--secondary">{move || s().app().backup_link}</a>
                <EraseButton/>
            </div>
            <SyncPanel><ClaimQuestion/></SyncPanel>
            <InstallHelp/>
            <nav class="settings__links">
                <a href="/reports" class="button button--secondary">{move || s().app().my_reports}</a>
                <a href="/district" rel="external" class="button button--secondary">{move || s().app().district_link}</a>
                // The console is another program: a full page load, not a route of this app.
                <a href="/steward/" rel="external" class="button button--secondary">{move || s().app().steward_link}</a>
            </nav>
        </section>
    }
}
