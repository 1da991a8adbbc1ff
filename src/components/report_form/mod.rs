//! The pieces of the report form. The draft being written is a `DraftEditor` in context
//! — like todomvc's `Todos`, one `Copy` handle whose `edit` is the only way to change it —
//! so each piece takes what it needs from context instead of a clone of a closure.

pub mod category_questions;
pub mod danger_screen;
pub mod duplicate_suggestions;
pub mod place_picker;
pub mod reporter_fields;

use leptos::prelude::*;

use crate::domain::report::Report;
use crate::domain::report_rules::FieldError;
use crate::platform::clock::now;
use crate::state::documents::DocSet;
use crate::state::use_strings;

#[derive(Clone, Copy)]
pub struct DraftEditor {
    pub draft: ReadSignal<Report>,
    set_draft: WriteSignal<Report>,
    /// True once the draft is in the store (and so survives closing the page).
    pub saved: ReadSignal<bool>,
    set_saved: WriteSignal<bool>,
    /// What the last submit attempt found wrong, field by field.
    pub errors: RwSignal<Vec<FieldError>>,
    reports: DocSet<Report>,
}

impl DraftEditor {
    /// Starts editing `draft`; `saved` says whether the store already has it.
    pub fn new(draft: Report, saved: bool, reports: DocSet<Report>) -> DraftEditor {
        let (draft, set_draft) = signal(draft);
        let (saved, set_saved) = signal(saved);
        DraftEditor {
            draft,
            set_draft,
            saved,
            set_saved,
            errors: RwSignal::new(Vec::new()),
            reports,
        }
    }

    /// Changes the draft and writes it through to the store at once (whose effect
    /// persists it), so closing the app mid-sentence loses nothing.
    pub fn edit(&self, change: impl FnOnce(&mut Report)) {
        self.set_draft.update(|d| {
            change(d);
            d.updated_at = now();
        });
        self.reports.put(self.draft.get_untracked());
        if !self.saved.get_untracked() {
            self.set_saved.set(true);
        }
    }

    /// The message for the first error `pick` accepts, in the current language.
    pub fn error_for(&self, pick: fn(&FieldError) -> bool) -> Signal<Option<String>> {
        let errors = self.errors;
        let s = use_strings();
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|e| pick(e)).map(|e| s().field_error(e)))
        })
    }
}

pub fn provide_draft_editor(editor: DraftEditor) {
    provide_context(editor);
}

pub fn use_draft_editor() -> DraftEditor {
    expect_context::<DraftEditor>()
}

/// Empty text means "not given".
pub fn non_empty(text: String) -> Option<String> {
    Some(text).filter(|t| !t.trim().is_empty())
}
