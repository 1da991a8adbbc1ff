//! The district office's data, in the console only: the summary packages imported from
//! stewards, the office's quarterly scoring, its governance records (业委会, contracts)
//! and what the server refused, each kept as documents; the contracts the published
//! dataset lists and the sample governance records; and every record the dashboard counts — this device's own
//! and the packages', one per document id at the revision CouchDB would pick.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

use super::documents::{DocSet, Kept};
use super::location::use_location;
use super::logs::use_logs;
use super::records::use_records_writer;
use super::sync::Sync;
use super::{Shared, use_state, use_writer};
use crate::domain::compound::Compound;
use crate::domain::district::refusal::Refusal;
use crate::domain::district::scope::{Scope, compound_ids};
use crate::domain::district::scorecard::{Contract, QuarterScoring};
use crate::domain::governance::case::{self, KeyCase};
use crate::domain::governance::census::{self, Census};
use crate::domain::governance::committee::{self, Committee};
use crate::domain::governance::company::{self, Company};
use crate::domain::governance::contract::{self, ServiceContract};
use crate::domain::governance::improvement::{self, Improvement};
use crate::domain::governance::meeting::{self, Meeting};
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::domain::report::Report;
use crate::format::documents::held_rev;
use crate::format::entry_points::WHOLE_DATASET;
use crate::format::governance::{SAMPLES, Samples};
use crate::format::route::district_scope;
use crate::format::summary::{Doc, SummaryPackage, merged};
use crate::i18n::governance::{GovernanceStrings, governance_strings};
use crate::platform::fetch::fetch_text;

#[derive(Clone, Copy)]
pub struct DistrictData {
    pub packages: DocSet<SummaryPackage>,
    pub scoring: DocSet<QuarterScoring>,
    /// What the district server refused to carry (synced from the district database).
    pub refusals: DocSet<Refusal>,
    /// The office's governance records (the district database).
    pub committees: DocSet<Committee>,
    pub service_contracts: DocSet<ServiceContract>,
    pub companies: DocSet<Company>,
    pub meetings: DocSet<Meeting>,
    pub cases: DocSet<KeyCase>,
    pub improvements: DocSet<Improvement>,
    /// The party census, one record per compound: names held here and in `district` only.
    pub censuses: DocSet<Census>,
    /// The sample data's examples of them (`/data/governance.json`), read with the
    /// published contracts.
    pub samples: ReadSignal<Samples>,
    set_samples: WriteSignal<Samples>,
    /// The published 连片托管 contracts (a package of compounds counts as one); read when
    /// the scorecards first ask (`load_contracts`), not at every console start.
    pub contracts: ReadSignal<Vec<Contract>>,
    set_contracts: WriteSignal<Vec<Contract>>,
    contracts_asked: StoredValue<bool>,
    /// Everything this device has to count, merged; computed when first read.
    pub all: Memo<Shared<Counted>>,
    /// What the dashboard counts: `all` within the place looked at (`place`).
    pub records: Memo<Shared<Counted>>,
    /// The place looked at (district, street, community or compound, from the page's
    /// query) and the report opened there; never outside `top`.
    pub place: Memo<(Scope, Option<String>)>,
    /// The highest place this account sees: a street's or a community's own (its
    /// server role), else the whole district.
    pub top: Memo<Scope>,
}

/// The records the district counts.
#[derive(Debug, Default)]
pub struct Counted {
    /// The published compounds with local edits, and stewards' newer edits over them.
    pub compounds: Arc<Vec<Compound>>,
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

impl DistrictData {
    /// Reads the published contracts once (the dataset file again, from the cache).
    pub fn load_contracts(&self) {
        if self.contracts_asked.get_value() {
            return;
        }
        self.contracts_asked.set_value(true);
        let (set, set_samples) = (self.set_contracts, self.set_samples);
        spawn_local(async move {
            let text = fetch_text(WHOLE_DATASET).await.unwrap_or_default();
            if let Ok(p) = serde_json::from_str::<Published>(&text) {
                set.set(p.data.district.contracts);
            }
            let text = fetch_text(SAMPLES).await.unwrap_or_default();
            if let Ok(s) = serde_json::from_str::<Samples>(&text) {
                set_samples.set(s);
            }
        });
    }

    /// The ids of the compounds of the place the drill-down looks at; `None` at the
    /// district level (every compound, and what names none). Tracked.
    pub fn place_compounds(&self) -> Option<Vec<String>> {
        let here = self.place.with(|(p, _)| *p != Scope::District);
        here.then(|| {
            self.records
                .with(|r| r.0.compounds.iter().map(|c| c.id.clone()).collect())
        })
    }

    /// Every contract: the office's records over the published list's (migrated) and
    /// the samples. Tracked.
    pub fn all_contracts(&self) -> Vec<ServiceContract> {
        let mut shipped = self.contracts.with(|p| contract::migrate(p));
        shipped.extend(self.samples.with(|s| s.contracts.clone()));
        self.service_contracts
            .records
            .with(|held| contract::all(shipped, held))
    }

    /// The register of companies: the office's records over the samples. Tracked.
    pub fn all_companies(&self) -> Vec<Company> {
        let shipped = self.samples.with(|s| s.companies.clone());
        self.companies
            .records
            .with(|held| company::all(shipped, held))
    }

    /// The meetings: the office's records over the samples. Tracked.
    pub fn all_meetings(&self) -> Vec<Meeting> {
        let shipped = self.samples.with(|s| s.meetings.clone());
        self.meetings
            .records
            .with(|held| meeting::all(shipped, held))
    }

    /// The key cases: the office's records over the samples. Tracked.
    pub fn all_cases(&self) -> Vec<KeyCase> {
        let shipped = self.samples.with(|s| s.cases.clone());
        self.cases.records.with(|held| case::all(shipped, held))
    }

    /// The improvements made: the office's records over the samples. Tracked.
    pub fn all_improvements(&self) -> Vec<Improvement> {
        let shipped = self.samples.with(|s| s.improvements.clone());
        self.improvements
            .records
            .with(|held| improvement::all(shipped, held))
    }

    /// Every compound's census: the office's records over the samples (figures only).
    /// Tracked.
    pub fn all_censuses(&self) -> Vec<Census> {
        let shipped = self.samples.with(|s| s.censuses.clone());
        self.censuses
            .records
            .with(|held| census::all(shipped, held))
    }

    /// Every compound's committee record: the office's over the samples. Tracked.
    pub fn all_committees(&self) -> Vec<Committee> {
        let shipped = self.samples.with(|s| s.committees.clone());
        self.committees
            .records
            .with(|held| committee::all(shipped, held))
    }
}

pub fn provide_district() -> DistrictData {
    let problems = use_writer().set_problems;
    let packages = DocSet::<SummaryPackage>::new(problems);
    let scoring = DocSet::<QuarterScoring>::new(problems);
    let refusals = DocSet::<Refusal>::new(problems);
    let committees = DocSet::<Committee>::new(problems);
    let service_contracts = DocSet::<ServiceContract>::new(problems);
    let companies = DocSet::<Company>::new(problems);
    let meetings = DocSet::<Meeting>::new(problems);
    let cases = DocSet::<KeyCase>::new(problems);
    let improvements = DocSet::<Improvement>::new(problems);
    let censuses = DocSet::<Census>::new(problems);
    packages.start(None);
    scoring.start(None);
    refusals.start(None);
    committees.start(None);
    service_contracts.start(None);
    companies.start(None);
    meetings.start(None);
    cases.start(None);
    improvements.start(None);
    censuses.start(None);
    let (contracts, set_contracts) = signal(Vec::new());
    let all = counted(packages);
    let top = own_place();
    let location = use_location();
    let place = Memo::new(move |_| {
        let (asked, report) = district_scope(&location.search());
        let top = top.get();
        // A place outside the account's own, or one no compound is in (a mistyped or
        // old link), shows the account's top place instead.
        all.with(|a| {
            let known =
                asked == Scope::District || !compound_ids(&asked, &a.0.compounds).is_empty();
            match known && asked.within(&top, &a.0.compounds) {
                true => (asked, report),
                false => (top, None),
            }
        })
    });
    let (samples, set_samples) = signal(Samples::default());
    let data = DistrictData {
        packages,
        scoring,
        refusals,
        committees,
        service_contracts,
        companies,
        meetings,
        cases,
        improvements,
        censuses,
        samples,
        set_samples,
        contracts,
        set_contracts,
        contracts_asked: StoredValue::new(false),
        all,
        records: Memo::new(move |_| {
            place.with(|(p, _)| match p {
                Scope::District => all.get(),
                p => all.with(|a| within(&a.0, p)),
            })
        }),
        place,
        top,
    };
    provide_context(data);
    data
}

pub fn use_district() -> DistrictData {
    expect_context::<DistrictData>()
}

/// The governance records' words in the current language, tracked.
pub fn use_governance_strings()
-> impl Fn() -> &'static GovernanceStrings + Copy + Send + std::marker::Sync + 'static {
    let lang = use_state().lang;
    move || governance_strings(lang.get())
}

/// This device's records of a kind and the packages' copies, merged: one record per
/// document at the revision CouchDB would pick. Only the winners are cloned.
fn merge_kind<T: Kept>(
    set: DocSet<T>,
    held: &[SummaryPackage],
    of: fn(&SummaryPackage) -> &[Doc<T>],
) -> Vec<T> {
    set.records.with(|records| {
        let revs: Vec<(String, String)> = records
            .iter()
            .map(|r| {
                let id = r.doc_id();
                let rev = held_rev(set.rev_of(&id), r);
                (id, rev)
            })
            .collect();
        let mine = revs
            .iter()
            .zip(records)
            .map(|((id, rev), r)| (id.as_str(), rev.as_str(), r));
        merged(mine.chain(held.iter().flat_map(|p| of(p).iter().map(Doc::copy))))
    })
}

/// The compounds as published and edited here, with stewards' newer edits over them.
fn with_edits(published: &Arc<Vec<Compound>>, edits: Vec<Compound>) -> Arc<Vec<Compound>> {
    if edits.is_empty() {
        return Arc::clone(published);
    }
    let mut compounds = published.to_vec();
    for edit in edits {
        match compounds.iter_mut().find(|c| c.id == edit.id) {
            Some(c) if c.updated_at < edit.updated_at => *c = edit,
            Some(_) => {}
            None => compounds.push(edit),
        }
    }
    compounds.retain(|c| !c.deleted);
    Arc::new(compounds)
}

/// The highest place the signed-in account sees: its street or community (`Sync::tier`),
/// else the district.
fn own_place() -> Memo<Scope> {
    let sync = use_context::<Sync>();
    Memo::new(move |_| sync.and_then(|s| s.tier()).unwrap_or(Scope::District))
}

/// The records of the compounds within `place`.
fn within(all: &Counted, place: &Scope) -> Shared<Counted> {
    let ids = compound_ids(place, &all.compounds);
    let ours = |c: &str| ids.iter().any(|id| id == c);
    Shared(Arc::new(Counted {
        compounds: Arc::new(
            all.compounds
                .iter()
                .filter(|c| ours(&c.id))
                .cloned()
                .collect(),
        ),
        reports: all
            .reports
            .iter()
            .filter(|r| ours(&r.compound))
            .cloned()
            .collect(),
        mediations: all
            .mediations
            .iter()
            .filter(|m| ours(&m.compound))
            .cloned()
            .collect(),
        arrears: all
            .arrears
            .iter()
            .filter(|a| ours(&a.compound))
            .cloned()
            .collect(),
    }))
}

fn counted(packages: DocSet<SummaryPackage>) -> Memo<Shared<Counted>> {
    let state = use_state();
    let records_writer = use_records_writer();
    let logs = use_logs();
    Memo::new(move |_| {
        let published = state.compounds.get();
        packages.records.with(|held| {
            let edits = merged(held.iter().flat_map(|p| p.compounds.iter().map(Doc::copy)));
            Shared(Arc::new(Counted {
                compounds: with_edits(&published.0, edits),
                reports: merge_kind(records_writer.report_docs, held, |p| &p.reports),
                mediations: merge_kind(logs.mediation_docs, held, |p| &p.mediations),
                arrears: merge_kind(logs.arrears_docs, held, |p| &p.arrears),
            }))
        })
    })
}
