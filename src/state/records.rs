//! The records a resident files and a steward keeps — reports, local compound edits — as
//! documents (`documents`), read and written by the resident app and the console. The
//! browse entry (directory and cards) does without them: it only reads the compound edits
//! (`compound_edits`). Read and write halves apart, as `AppState` and `AppWriter`.

use leptos::prelude::*;

use super::compound_edits::read_compound_edits;
use super::documents::DocSet;
use crate::domain::compound::Compound;
use crate::domain::report::Report;
use crate::format::backup::Backup;
use crate::format::collections::{COMPOUNDS, COMPOUNDS_SHOWN, REPORTS};
use crate::format::documents::Conflict;
use crate::format::error::StoreError;
use crate::format::merge::{Record, newer_records};
use crate::platform::local_storage::{read_raw, remove_raw, write_raw};

#[derive(Clone, Copy)]
pub struct Records {
    pub reports: ReadSignal<Vec<Report>>,
    /// Reports with more than one live version (two tabs, two phones).
    pub report_conflicts: ReadSignal<Vec<Conflict<Report>>>,
    /// This phone's edits of compounds (a steward's), winners only.
    pub local_compounds: ReadSignal<Vec<Compound>>,
}

#[derive(Clone, Copy)]
pub struct RecordsWriter {
    pub compound_docs: DocSet<Compound>,
    pub report_docs: DocSet<Report>,
}

/// Starts reading (and migrating) the stored records and provides both halves. Returns
/// the local compound edits and whether everything has been read, for `AppState`.
pub fn provide_records(
    problems: WriteSignal<Vec<StoreError>>,
) -> (ReadSignal<Vec<Compound>>, Signal<bool>) {
    let compound_docs = DocSet::<Compound>::new(problems);
    compound_docs.start(Some(COMPOUNDS));
    let report_docs = provide_reports(problems);
    provide_context(Records {
        reports: report_docs.records,
        report_conflicts: report_docs.conflicts,
        local_compounds: compound_docs.records,
    });
    provide_context(RecordsWriter {
        compound_docs,
        report_docs,
    });
    keep_compounds_shown(compound_docs);
    let ready = Signal::derive(move || compound_docs.ready.get() && report_docs.ready.get());
    (compound_docs.records, ready)
}

/// The report entry's records (see `StartRecords`): the reports as documents, and this
/// phone's compound edits read-only from the copy the browse entry reads — the form
/// writes reports only, and a second kind of document would cost it the compounds'
/// document code (serde for `Compound`, a second `DocSet`: about 10 KB of brotli).
pub fn provide_report_records(
    problems: WriteSignal<Vec<StoreError>>,
) -> (ReadSignal<Vec<Compound>>, Signal<bool>) {
    let report_docs = provide_reports(problems);
    let (edits, _) = read_compound_edits(problems);
    (edits, report_docs.ready.into())
}

/// Starts reading (and migrating) the reports and provides them: what the report form
/// reads and writes (`use_reports`), in every program that shows it.
fn provide_reports(problems: WriteSignal<Vec<StoreError>>) -> DocSet<Report> {
    let report_docs = DocSet::<Report>::new(problems);
    report_docs.start(Some(REPORTS));
    provide_context(report_docs);
    report_docs
}

/// Keeps the browse entry's copy of the compound edits (`COMPOUNDS_SHOWN`) equal to the
/// winners once they are read; a phone without edits keeps no copy. What was written is
/// remembered, so storage is read once (what an earlier start left) and written only when
/// the copy changes.
fn keep_compounds_shown(docs: DocSet<Compound>) {
    let key = COMPOUNDS_SHOWN.key;
    Effect::new(move |written: Option<Option<String>>| {
        let before = written.unwrap_or_else(|| read_raw(key).ok().flatten());
        if !docs.ready.get() {
            return before;
        }
        let text = docs
            .records
            .with(|all| (!all.is_empty()).then(|| COMPOUNDS_SHOWN.encode(all)));
        if text == before {
            return before;
        }
        let stored = match &text {
            Some(text) => write_raw(key, text),
            None => remove_raw(key),
        };
        // Only a copy: where it cannot be written the documents are intact, the browse
        // pages show the last copy, and the next change of the edits tries again.
        if stored.is_ok() { text } else { before }
    });
}

impl RecordsWriter {
    /// Adds a report, or replaces the one with its id.
    pub fn upsert_report(&self, report: Report) {
        self.report_docs.put(report);
    }

    /// One compound's local edit (a notice posted or taken down).
    pub fn put_compound(&self, compound: Compound) {
        self.compound_docs.put(compound);
    }

    /// Local edits of many compounds at once (an imported roster).
    pub fn put_compounds(&self, compounds: Vec<Compound>) {
        self.compound_docs.put_all(compounds);
    }

    /// A validated backup's records join what is here: a record the backup has in a newer
    /// version (by its `updated_at`) is saved as a new revision.
    pub fn restore(&self, backup: &Backup) {
        self.report_docs
            .put_all(newer_only(&backup.reports, self.report_docs.records));
        self.compound_docs
            .put_all(newer_only(&backup.compounds, self.compound_docs.records));
    }

    /// Whether a change made here (a restore, say) is still being written to the store.
    pub fn saving(&self) -> bool {
        self.report_docs.saving.get() || self.compound_docs.saving.get()
    }
}

/// The records of `theirs` that are new here or newer than ours.
fn newer_only<T: Record + Clone + Send + Sync + 'static>(
    theirs: &[T],
    ours: ReadSignal<Vec<T>>,
) -> Vec<T> {
    ours.with_untracked(|ours| newer_records(theirs, ours))
}

/// The reports as documents: what the report form needs, provided by the report entry and
/// the resident app alike.
pub fn use_reports() -> DocSet<Report> {
    expect_context::<DocSet<Report>>()
}

pub fn use_records() -> Records {
    expect_context::<Records>()
}

pub fn use_records_writer() -> RecordsWriter {
    expect_context::<RecordsWriter>()
}
