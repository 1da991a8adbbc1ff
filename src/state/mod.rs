//! The reactive app state, provided as context. Readers (`AppState`) and writers
//! (`AppWriter`) are separate types, as in the Leptos todomvc example, so a component's
//! signature shows whether it can change anything. `persist` holds the effects that are
//! the one place state is written to storage; `dataset` loads the published data.

pub mod dataset;
pub mod logs;
pub mod persist;
pub mod steward_session;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::domain::report::Report;
use crate::format::backup::Backup;
use crate::format::collections::{COMPOUNDS, Collection, REPORTS, SETTINGS};
use crate::format::error::StoreError;
use crate::format::merge::{Stamped, merge, upsert};
use crate::format::settings::Settings;
use crate::i18n::console::{ConsoleStrings, console_strings};
use crate::i18n::{Lang, Strings, strings};
use crate::platform::clock::now;
use crate::platform::local_storage::{Loaded, load};

/// An `Arc` compared by identity: memos of large data then skip the deep comparison.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where the published district dataset is.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetState {
    Loading,
    Ready(Shared<Dataset>),
    Failed,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: ReadSignal<Settings>,
    pub lang: Memo<Lang>,
    pub dataset: ReadSignal<DatasetState>,
    pub local_compounds: ReadSignal<Vec<Compound>>,
    pub reports: ReadSignal<Vec<Report>>,
    /// Published compounds with local edits on top; tombstones removed.
    pub compounds: Memo<Shared<Vec<Compound>>>,
    pub problems: ReadSignal<Vec<StoreError>>,
    /// Keys the app must not write: storage is off, or they hold a newer schema.
    pub read_only: ReadSignal<Vec<&'static str>>,
}

#[derive(Clone, Copy)]
pub struct AppWriter {
    pub set_settings: WriteSignal<Settings>,
    pub set_dataset: WriteSignal<DatasetState>,
    pub set_local_compounds: WriteSignal<Vec<Compound>>,
    pub set_reports: WriteSignal<Vec<Report>>,
    pub set_problems: WriteSignal<Vec<StoreError>>,
}

impl AppWriter {
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.set_settings.update(|s| {
            change(s);
            s.updated_at = now();
        });
    }

    /// Adds a report, or replaces the one with its id.
    pub fn upsert_report(&self, report: Report) {
        self.set_reports.update(|all| upsert(all, report));
    }

    /// Local edits of compounds, over the published ones (an imported roster).
    pub fn put_compounds(&self, compounds: Vec<Compound>) {
        self.set_local_compounds
            .update(|ours| *ours = merge(&compounds, ours));
    }

    /// A validated backup joins what is here: every record's newer version is kept, and
    /// the newer settings win.
    pub fn restore(&self, backup: Backup) {
        self.set_reports
            .update(|ours| *ours = merge(ours, &backup.reports));
        self.set_local_compounds
            .update(|ours| *ours = merge(ours, &backup.compounds));
        self.set_settings.update(|ours| {
            if backup.settings.is_newer_than(ours) {
                *ours = backup.settings;
            }
        });
    }

    pub fn report_problem(&self, problem: StoreError) {
        self.set_problems.update(|p| {
            if !p.contains(&problem) {
                p.push(problem);
            }
        });
    }

    pub fn dismiss_problem(&self, index: usize) {
        self.set_problems.update(|p| {
            if index < p.len() {
                p.remove(index);
            }
        });
    }
}

/// What loading found wrong, and which keys must not be written as a result.
#[derive(Default)]
pub(crate) struct LoadProblems {
    problems: Vec<StoreError>,
    read_only: Vec<&'static str>,
}

impl LoadProblems {
    pub(crate) fn take<T>(&mut self, collection: Collection, loaded: Loaded<T>) -> T {
        if let Some(p) = loaded.problem {
            if matches!(
                p,
                StoreError::Unavailable | StoreError::UnknownSchema { .. }
            ) {
                self.read_only.push(collection.key);
            }
            if !self.problems.contains(&p) {
                self.problems.push(p);
            }
        }
        loaded.value
    }
}

/// Reads every collection and provides both halves as context. Persistence is started
/// separately (`persist::start`), by the app root.
pub fn provide_app_state() -> (AppState, AppWriter) {
    let mut found = LoadProblems::default();
    let settings: Settings = found.take(SETTINGS, load(SETTINGS));
    let compounds: Vec<Compound> = found.take(COMPOUNDS, load(COMPOUNDS));
    let reports: Vec<Report> = found.take(REPORTS, load(REPORTS));
    let LoadProblems {
        problems,
        read_only,
    } = found;

    let (settings, set_settings) = signal(settings);
    let (dataset, set_dataset) = signal(DatasetState::Loading);
    let (local_compounds, set_local_compounds) = signal(compounds);
    let (reports, set_reports) = signal(reports);
    let (problems, set_problems) = signal(problems);
    let (read_only, _) = signal(read_only);
    let lang = Memo::new(move |_| settings.with(|s| s.lang));
    let compounds = Memo::new(move |_| {
        let published = match dataset.get() {
            DatasetState::Ready(d) => d.0.compounds.clone(),
            _ => Vec::new(),
        };
        let merged = local_compounds.with(|local| merge(local, &published));
        Shared(Arc::new(
            merged.into_iter().filter(|c| !c.deleted).collect(),
        ))
    });
    let state = AppState {
        settings,
        lang,
        dataset,
        local_compounds,
        reports,
        compounds,
        problems,
        read_only,
    };
    let writer = AppWriter {
        set_settings,
        set_dataset,
        set_local_compounds,
        set_reports,
        set_problems,
    };
    provide_context(state);
    provide_context(writer);
    (state, writer)
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

pub fn use_writer() -> AppWriter {
    expect_context::<AppWriter>()
}

/// The steward console's words in the current language, tracked.
pub fn use_console_strings() -> impl Fn() -> &'static ConsoleStrings + Copy + Send + Sync + 'static
{
    let lang = use_state().lang;
    move || console_strings(lang.get())
}

/// The catalogue of the current language, tracked: a view reading it follows a switch.
pub fn use_strings() -> impl Fn() -> &'static Strings + Copy + Send + Sync + 'static {
    let lang = use_state().lang;
    move || strings(lang.get())
}
