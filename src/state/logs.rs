//! The stewards' logs, in the console only — mediation, arrears, and the roster's change
//! log: kept as documents, one per entry, like every record.

use leptos::prelude::*;

use super::documents::DocSet;
use super::use_writer;
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::domain::roster_edit::RosterChange;
use crate::format::collections::{ARREARS, MEDIATIONS};

#[derive(Clone, Copy)]
pub struct Logs {
    pub mediations: ReadSignal<Vec<Mediation>>,
    pub arrears: ReadSignal<Vec<ArrearsRecovery>>,
    pub mediation_docs: DocSet<Mediation>,
    pub arrears_docs: DocSet<ArrearsRecovery>,
    /// The roster changes made in the app, newest last.
    pub changes: DocSet<RosterChange>,
}

impl Logs {
    pub fn put_mediation(&self, m: Mediation) {
        self.mediation_docs.put(m);
    }

    pub fn put_arrears(&self, a: ArrearsRecovery) {
        self.arrears_docs.put(a);
    }
}

pub fn provide_logs() -> Logs {
    let problems = use_writer().set_problems;
    let mediation_docs = DocSet::<Mediation>::new(problems);
    let arrears_docs = DocSet::<ArrearsRecovery>::new(problems);
    let changes = DocSet::<RosterChange>::new(problems);
    mediation_docs.start(Some(MEDIATIONS));
    arrears_docs.start(Some(ARREARS));
    changes.start(None);
    let logs = Logs {
        mediations: mediation_docs.records,
        arrears: arrears_docs.records,
        mediation_docs,
        arrears_docs,
        changes,
    };
    provide_context(logs);
    logs
}

pub fn use_logs() -> Logs {
    expect_context::<Logs>()
}
