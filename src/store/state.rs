//! The reactive app state, provided as context. Readers (`AppState`) and writers
//! (`AppWriter`) are separate types, as in the Leptos todomvc example, so a component's
//! signature shows whether it can change anything. `persist` holds the effects that are
//! the one place state is written to storage.

use std::sync::Arc;

use leptos::prelude::*;

use super::collections::{
    COMPOUNDS, COMPOUNDS_SCHEMA, REPORTS, REPORTS_SCHEMA, SETTINGS, SETTINGS_SCHEMA,
};
use super::error::StoreError;
use super::local::{Loaded, load};
use super::merge::merge;
use super::migrations;
use super::settings::Settings;
use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::domain::report::Report;
use crate::i18n::Lang;

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
            s.updated_at = js_sys::Date::now() as i64;
        });
    }

    /// Adds a report, or replaces the one with its id.
    pub fn upsert_report(&self, report: Report) {
        self.set_reports
            .update(|all| match all.iter_mut().find(|r| r.id == report.id) {
                Some(existing) => *existing = report,
                None => all.push(report),
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

/// Reads every collection, provides both halves as context and starts persistence.
pub fn provide_app_state() -> (AppState, AppWriter) {
    let mut problems = Vec::new();
    let mut read_only = Vec::new();
    let mut take = |key: &'static str, problem: Option<StoreError>| {
        if let Some(p) = problem {
            if matches!(
                p,
                StoreError::Unavailable | StoreError::UnknownSchema { .. }
            ) {
                read_only.push(key);
            }
            if !problems.contains(&p) {
                problems.push(p);
            }
        }
    };
    let Loaded {
        value: settings,
        problem,
    } = load::<Settings>(SETTINGS, SETTINGS_SCHEMA, migrations::settings);
    take(SETTINGS, problem);
    let Loaded {
        value: compounds,
        problem,
    } = load::<Vec<Compound>>(COMPOUNDS, COMPOUNDS_SCHEMA, migrations::bare_array);
    take(COMPOUNDS, problem);
    let Loaded {
        value: reports,
        problem,
    } = load::<Vec<Report>>(REPORTS, REPORTS_SCHEMA, migrations::bare_array);
    take(REPORTS, problem);

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
    super::persist::start(state, writer);
    (state, writer)
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

pub fn use_writer() -> AppWriter {
    expect_context::<AppWriter>()
}
