//! The reactive app state, provided as context. Readers (`AppState`) and writers
//! (`AppWriter`) are separate types, as in the Leptos todomvc example, so a component's
//! signature shows whether it can change anything. This is what every entry point has:
//! the settings (`persist`), the published data (`dataset`) with local compound edits on
//! top, and storage problems. Records (reports, local compound edits, logs) are documents
//! (`records`, `documents`, moved from the first store by `migration`); the browse entry
//! only reads the compound edits (`compound_edits`).

pub mod archive;
pub mod compound_edits;
pub mod dataset;
pub mod district;
pub mod documents;
pub mod kept;
pub mod live_roster;
pub mod location;
pub mod logs;
pub mod own_reports;
pub mod persist;
pub mod pinyin;
pub mod records;
pub mod start;
pub mod steward_session;
pub mod sync;
pub mod sync_waiting;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::format::collections::{Collection, SETTINGS};
use crate::format::entry_points::Program;
use crate::format::error::StoreError;
use crate::format::merge::{Stamped, merge};
use crate::format::settings::Settings;
use crate::i18n::console::{ConsoleStrings, console_strings};
use crate::i18n::district::{DistrictStrings, district_strings};
use crate::i18n::handoff::{HandoffStrings, handoff_strings};
use crate::i18n::sync::{SyncStrings, sync_strings};
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
    /// Whether the stored records have been read.
    pub records_ready: Signal<bool>,
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
    pub set_problems: WriteSignal<Vec<StoreError>>,
}

impl AppWriter {
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.set_settings.update(|s| {
            change(s);
            s.updated_at = now();
        });
    }

    /// A backup's settings, if they are newer than ours.
    pub fn restore_settings(&self, theirs: Settings) {
        self.set_settings.update(|ours| {
            if theirs.is_newer_than(ours) {
                *ours = theirs;
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

/// Where an entry point's local compound edits come from, given where to report storage
/// problems: the edits and whether they (and the entry's other records) have been read.
pub type StartRecords =
    fn(WriteSignal<Vec<StoreError>>) -> (ReadSignal<Vec<Compound>>, Signal<bool>);

/// Reads the settings, starts reading the records, and provides both halves as context.
/// The settings' persistence is started separately (`persist::start`), by the app root.
pub fn provide_app_state(start_records: StartRecords) -> (AppState, AppWriter) {
    let mut found = LoadProblems::default();
    let settings: Settings = found.take(SETTINGS, load(SETTINGS));
    let LoadProblems {
        problems,
        read_only,
    } = found;

    let (settings, set_settings) = signal(settings);
    let (dataset, set_dataset) = signal(DatasetState::Loading);
    let (problems, set_problems) = signal(problems);
    let (read_only, _) = signal(read_only);
    // A newer version in another tab, or an older one blocking the store: said plainly.
    crate::platform::doc_store::on_trouble(move |problem| documents::report(set_problems, problem));
    let (local_compounds, records_ready) = start_records(set_problems);
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
        records_ready,
        compounds,
        problems,
        read_only,
    };
    let writer = AppWriter {
        set_settings,
        set_dataset,
        set_problems,
    };
    provide_context(state);
    provide_context(writer);
    (state, writer)
}

/// The state of a view drawn outside a page — nothing read from storage, no data, no
/// records, `lang` fixed — with `program` as the page's program. The pre-render writes
/// the app's card as HTML in it (src/bin/prerender.rs); no browser is asked for anything.
pub fn provide_still_state(lang: Lang, program: Program) {
    provide_context(program);
    provide_context(AppState {
        settings: signal(Settings {
            lang,
            ..Settings::default()
        })
        .0,
        lang: Memo::new(move |_| lang),
        dataset: signal(DatasetState::Loading).0,
        records_ready: Signal::stored(true),
        compounds: Memo::new(|_| Shared::default()),
        problems: signal(Vec::new()).0,
        read_only: signal(Vec::new()).0,
    });
}

impl AppState {
    /// One compound (published, local edits on top), followed as it changes: saves, other
    /// tabs, a new dataset.
    pub fn compound(&self, id: String) -> Memo<Option<Compound>> {
        let compounds = self.compounds;
        Memo::new(move |_| compounds.with(|all| all.0.iter().find(|c| c.id == id).cloned()))
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

pub fn use_writer() -> AppWriter {
    expect_context::<AppWriter>()
}

/// Which program this page is (see `format::entry_points`).
pub fn use_program() -> Program {
    expect_context::<Program>()
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

/// The district dashboard's words in the current language, tracked.
pub fn use_district_strings() -> impl Fn() -> &'static DistrictStrings + Copy + Send + Sync + 'static
{
    let lang = use_state().lang;
    move || district_strings(lang.get())
}

/// Sync's words in the current language, tracked.
pub fn use_sync_strings() -> impl Fn() -> &'static SyncStrings + Copy + Send + Sync + 'static {
    let lang = use_state().lang;
    move || sync_strings(lang.get())
}

/// The hand-off loop's words in the current language, tracked.
pub fn use_handoff_strings() -> impl Fn() -> &'static HandoffStrings + Copy + Send + Sync + 'static
{
    let lang = use_state().lang;
    move || handoff_strings(lang.get())
}
