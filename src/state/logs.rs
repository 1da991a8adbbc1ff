//! The stewards' mediation and arrears logs, in the console only: loaded, persisted one
//! collection each, and merged with other tabs' entries.

use leptos::prelude::*;

use super::persist::{on_other_tab_write, sync_collection, theirs};
use super::{LoadProblems, use_writer};
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::format::collections::{ARREARS, MEDIATIONS};
use crate::format::merge::{merge, upsert};
use crate::platform::local_storage::load;

#[derive(Clone, Copy)]
pub struct Logs {
    pub mediations: ReadSignal<Vec<Mediation>>,
    set_mediations: WriteSignal<Vec<Mediation>>,
    pub arrears: ReadSignal<Vec<ArrearsRecovery>>,
    set_arrears: WriteSignal<Vec<ArrearsRecovery>>,
}

impl Logs {
    pub fn put_mediation(&self, m: Mediation) {
        self.set_mediations.update(|all| upsert(all, m));
    }

    pub fn put_arrears(&self, a: ArrearsRecovery) {
        self.set_arrears.update(|all| upsert(all, a));
    }
}

pub fn provide_logs() -> Logs {
    let writer = use_writer();
    let mut found = LoadProblems::default();
    let mediations: Vec<Mediation> = found.take(MEDIATIONS, load(MEDIATIONS));
    let arrears: Vec<ArrearsRecovery> = found.take(ARREARS, load(ARREARS));
    let (mediations, set_mediations) = signal(mediations);
    let (arrears, set_arrears) = signal(arrears);
    let writable = |key| !found.read_only.contains(&key);
    let (write_mediations, write_arrears) = (writable(MEDIATIONS.key), writable(ARREARS.key));
    for problem in found.problems {
        writer.report_problem(problem);
    }
    Effect::new(move |_| {
        if write_mediations
            && let Some(all) = mediations.with(|ours| sync_collection(writer, MEDIATIONS, ours))
        {
            set_mediations.set(all);
        }
    });
    Effect::new(move |_| {
        if write_arrears
            && let Some(all) = arrears.with(|ours| sync_collection(writer, ARREARS, ours))
        {
            set_arrears.set(all);
        }
    });
    on_other_tab_write(move |key| {
        if key == MEDIATIONS.key
            && let Some(t) = theirs::<Mediation>(MEDIATIONS)
        {
            set_mediations.update(|ours| *ours = merge(ours, &t));
        } else if key == ARREARS.key
            && let Some(t) = theirs::<ArrearsRecovery>(ARREARS)
        {
            set_arrears.update(|ours| *ours = merge(ours, &t));
        }
    });
    let logs = Logs {
        mediations,
        set_mediations,
        arrears,
        set_arrears,
    };
    provide_context(logs);
    logs
}

pub fn use_logs() -> Logs {
    expect_context::<Logs>()
}
