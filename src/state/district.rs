//! The district office's data, in the console only: the summary packages imported from
//! stewards and the office's quarterly scoring, each kept as documents; the contracts the
//! published dataset lists; and every record the dashboard counts — this device's own
//! and the packages', one per document id at the revision CouchDB would pick.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

use super::documents::{DocSet, Kept};
use super::logs::use_logs;
use super::{Shared, use_state, use_writer};
use crate::domain::compound::Compound;
use crate::domain::district::scorecard::{Contract, QuarterScoring};
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::domain::report::Report;
use crate::format::documents::held_rev;
use crate::format::summary::{Doc, SummaryPackage, doc_of, merged};
use crate::platform::fetch::fetch_text;

#[derive(Clone, Copy)]
pub struct DistrictData {
    pub packages: DocSet<SummaryPackage>,
    pub scoring: DocSet<QuarterScoring>,
    /// The published 连片托管 contracts (a package of compounds counts as one).
    pub contracts: ReadSignal<Vec<Contract>>,
    /// Everything the dashboard counts, merged.
    pub records: Memo<Shared<Counted>>,
}

/// The records the district counts.
#[derive(Debug, Default)]
pub struct Counted {
    pub compounds: Vec<Compound>,
    pub reports: Vec<Report>,
    pub mediations: Vec<Mediation>,
    pub arrears: Vec<ArrearsRecovery>,
}

/// Only the contracts of the published dataset: the resident app's `District` leaves
/// them out (it never needs them), so the console reads them on its own.
#[derive(Deserialize)]
struct Published {
    data: PublishedData,
}
#[derive(Deserialize)]
struct PublishedData {
    district: PublishedDistrict,
}
#[derive(Deserialize)]
struct PublishedDistrict {
    #[serde(default)]
    contracts: Vec<Contract>,
}

pub fn provide_district() -> DistrictData {
    let problems = use_writer().set_problems;
    let packages = DocSet::<SummaryPackage>::new(problems);
    let scoring = DocSet::<QuarterScoring>::new(problems);
    packages.start(None);
    scoring.start(None);
    let (contracts, set_contracts) = signal(Vec::new());
    spawn_local(async move {
        let text = fetch_text("/data/district.json").await.unwrap_or_default();
        if let Ok(p) = serde_json::from_str::<Published>(&text) {
            set_contracts.set(p.data.district.contracts);
        }
    });
    let records = counted(packages);
    let data = DistrictData {
        packages,
        scoring,
        contracts,
        records,
    };
    provide_context(data);
    data
}

pub fn use_district() -> DistrictData {
    expect_context::<DistrictData>()
}

/// This device's records of a kind as documents, at the revisions it holds.
fn local_docs<T: Kept>(set: DocSet<T>, records: &[T]) -> Vec<Doc<T>> {
    records
        .iter()
        .map(|r| doc_of(r.clone(), held_rev(set.rev_of(&r.doc_id()), r)))
        .collect()
}

fn counted(packages: DocSet<SummaryPackage>) -> Memo<Shared<Counted>> {
    let state = use_state();
    let writer = use_writer();
    let logs = use_logs();
    Memo::new(move |_| {
        let held = packages.records.get();
        let reports = state.reports.with(|r| local_docs(writer.report_docs, r));
        let mediations = logs.mediations.with(|m| local_docs(logs.mediation_docs, m));
        let arrears = logs.arrears.with(|a| local_docs(logs.arrears_docs, a));
        let mut compounds = state.compounds.get().0.to_vec();
        // A steward's edit of a compound stands over the published one if it is newer.
        for edit in merged(held.iter().flat_map(|p| &p.compounds)) {
            match compounds.iter_mut().find(|c| c.id == edit.id) {
                Some(c) if c.updated_at < edit.updated_at => *c = edit,
                Some(_) => {}
                None if !edit.deleted => compounds.push(edit),
                None => {}
            }
        }
        compounds.retain(|c| !c.deleted);
        Shared(std::sync::Arc::new(Counted {
            compounds,
            reports: merged(reports.iter().chain(held.iter().flat_map(|p| &p.reports))),
            mediations: merged(
                mediations
                    .iter()
                    .chain(held.iter().flat_map(|p| &p.mediations)),
            ),
            arrears: merged(arrears.iter().chain(held.iter().flat_map(|p| &p.arrears))),
        }))
    })
}
