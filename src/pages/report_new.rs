//! `/report/new?c=&b=&u=` (and `?draft=ID`): the report form. It is saved as a draft on
//! every keystroke, so closing the app loses nothing; several drafts can exist. The
//! pieces are in `components/report_form`; the rules (checking, deadline, routing,
//! following) in `domain::report_rules`. Both the report entry (a first visit) and the
//! resident app show it; a submitted report's page is the resident app's, so from the
//! report entry the submit is a page load, made once the store has the report.

use crate::components::form_fields::FieldMessage;
use crate::components::later::Later;
use crate::components::photos::PhotoEditor;
use crate::components::report_form::category_questions::{CategoryPicker, UrgencyPicker};
use crate::components::report_form::danger_screen::{DangerAgain, DangerScreen};
use crate::components::report_form::duplicate_suggestions::DuplicateSuggestions;
use crate::components::report_form::place_picker::PlacePicker;
use crate::components::report_form::reporter_fields::ReporterFields;
use crate::components::report_form::{DraftEditor, provide_draft_editor};
use crate::components::storage_notice::StorageNotice;
use crate::domain::limits::DESCRIPTION_MAX;
use crate::domain::report::{Report, Status, reference_number};
use crate::domain::report_rules::{FieldError, follow, submit};
use crate::format::route::Route;
use crate::platform::clock::now;
use crate::platform::pwa::can_load_page;
use crate::state::location::{use_location, use_navigator};
use crate::state::records::use_reports;
use crate::state::sync::signed_in_here;
use crate::state::{AppState, use_state, use_strings};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A new draft at the place the link names, or else at "my building".
fn blank_draft(state: AppState, c: Option<String>, b: Option<String>, u: Option<String>) -> Report {
    let (c, b, u) = match (c, state.settings.with_untracked(|s| s.my_building.clone())) {
        (Some(c), _) => (c, b, u),
        (None, Some(mine)) => (mine.compound, Some(mine.building), mine.unit),
        (None, None) => (String::new(), None, None),
    };
    let at = now();
    let random = crate::platform::clock::random_u32();
    Report::draft(reference_number(at, random), c, b, u, at)
}

#[component]
pub fn ReportNewPage() -> impl IntoView {
    let state = use_state();
    let reports = use_reports();
    let s = use_strings();
    let navigator = use_navigator();
    let location = use_location();
    let param = move |k: &str| untrack(|| location.query(k)).filter(|v| !v.is_empty());
    let existing = param("draft").and_then(|id| {
        reports.records.with_untracked(|all| {
            all.iter()
                .find(|r| r.id == id && r.status() == Status::Draft && !r.deleted)
                .cloned()
        })
    });
    let saved_before = existing.is_some();
    let initial =
        existing.unwrap_or_else(|| blank_draft(state, param("c"), param("b"), param("u")));
    let editor = DraftEditor::new(initial, saved_before, reports);
    provide_draft_editor(editor);
    let draft = editor.draft;

    // Once the draft is stored, the URL names it, so a reload reopens it.
    Effect::new(move |was_saved: Option<bool>| {
        let saved = editor.saved.get();
        if saved && was_saved == Some(false) {
            let id = draft.with_untracked(|d| d.id.clone());
            navigator.replace_in_place(&Route::ReportNew.href_with(&[("draft", &id)]));
        }
        saved
    });

    let compound = Memo::new(move |_| {
        let id = draft.with(|d| d.compound.clone());
        state
            .compounds
            .with(|c| c.0.iter().find(|c| c.id == id).cloned())
    });
    // A report submitted or followed: its page. From the report entry that is the
    // resident app's, a page load, made once the store has the report (the next page
    // reads it from there); a report the store refused stays on screen in the form, with
    // the problem said above it. Where the page cannot load (offline, before the service
    // worker has the site), the form gives way to a notice with the link.
    let stranded = RwSignal::new(None::<String>);
    let open_report = move |id: String| {
        let url = Route::Report { id: id.clone() }.href();
        if !navigator.is_page_load(&url) {
            return navigator.go(&url);
        }
        spawn_local(async move {
            reports.settled().await;
            if !reports.kept(&id) {
                return;
            }
            if can_load_page().await {
                navigator.go(&url);
            } else {
                stranded.set(Some(id));
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let signed_in = signed_in_here();
        let sent = draft
            .with_untracked(|d| submit(d, compound.get_untracked().as_ref(), signed_in, now()));
        match sent {
            Ok(report) => {
                editor.errors.set(Vec::new());
                let id = report.id.clone();
                reports.put(report);
                open_report(id);
            }
            Err(problems) => editor.errors.set(problems),
        }
    };
    let mine_too = Callback::new(move |target: Report| {
        let (followed, dropped) = draft.with_untracked(|d| follow(&target, d, now()));
        let id = followed.id.clone();
        reports.put(followed);
        reports.put(dropped);
        open_report(id);
    });
    let danger = RwSignal::new(false);
    let description_error = editor.error_for(|e| matches!(e, FieldError::Description(_)));
    let photo_keys = Signal::derive(move || draft.with(|d| d.photos.clone()));
    let on_photos = Callback::new(move |keys: Vec<String>| editor.edit(|d| d.photos = keys));

    // Once submitted and stranded, the form is gone: nothing may edit what was submitted.
    let stranded_notice = move || view! { <Stranded id=stranded.get().unwrap_or_default()/> };
    view! {
        <Show when=move || stranded.with(Option::is_none) fallback=stranded_notice>
            <form class="page report-form" on:submit=on_submit novalidate>
                <h1 class="page__title">{move || s().app().new_report_title}</h1>
                <StorageNotice once=true/>
                <p class="hint" role="status">{move || editor.saved.get().then(|| s().app().draft_saved)}</p>
                <PlacePicker compound=compound/>
                <CategoryPicker/>
                <div class="field">
                    <label class="field__label" for="report-description">{move || s().app().description_label}</label>
                    <textarea id="report-description" class="field__input report-form__description" name="description" rows="5"
                        aria-describedby="description-count description-error"
                        aria-invalid=move || description_error.with(Option::is_some).to_string()
                        placeholder=move || s().app().description_hint
                        prop:value=move || draft.with(|d| d.description.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|d| d.description = v) }>
                    </textarea>
                    <span id="description-count" class="field__count" aria-live="polite">
                        {move || format!("{} / {DESCRIPTION_MAX}", draft.with(|d| d.description.chars().count()))}
                    </span>
                    <FieldMessage id="description-error" message=description_error/>
                </div>
                <Later>
                    <fieldset class="field">
                        <legend class="field__label">{move || s().app().photos_label}</legend>
                        <PhotoEditor keys=photo_keys on_change=on_photos prefix=draft.with_untracked(|d| d.id.clone())/>
                    </fieldset>
                    <UrgencyPicker danger/>
                    <DangerAgain open=danger/>
                    <DangerScreen compound open=danger/>
                    <ReporterFields/>
                    <DuplicateSuggestions on_mine_too=mine_too/>
                    <button type="submit" class="button">{move || s().app().submit}</button>
                </Later>
            </form>
        </Show>
    }
}

/// A submitted report whose page cannot be opened yet: where it is, and the way there.
#[component]
fn Stranded(id: String) -> impl IntoView {
    let s = use_strings();
    let href = Route::Report { id: id.clone() }.href();
    view! {
        <section class="page">
            <h1 class="page__title">{move || s().app().new_report_title}</h1>
            <p class="notice notice--warning" role="alert">{move || s().app().submitted_offline}</p>
            <p>{move || s().app().ref_label} ": " <b data-ref>{id}</b></p>
            <a class="button" href=href rel="external">{move || s().app().open_report_page}</a>
        </section>
    }
}
