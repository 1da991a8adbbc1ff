//! What residents see of the office's records: a compound's 业委会 (its stage, the latest
//! step while it is forming, its term) and the contracts that run it (the company, the
//! term, the services owed, the fee standard). The records themselves live in `district`,
//! which only the office reads (docs/SECURITY.md); the publishing job turns them into
//! these summaries and writes them beside the published rosters (`/data/records.json`).
//! A summary carries no member's name and no history: only what a resident may rely on.

use serde::{Deserialize, Serialize};

use super::committee::{Committee, Stage, Step};
use super::contract::{Scope, ServiceContract};
use crate::domain::Millis;

/// A compound's owners' committee as residents see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicCommittee {
    /// The compound's id (one committee record per compound).
    pub compound: String,
    pub stage: Stage,
    /// While preparing: the last step taken, and its date.
    #[serde(default)]
    pub latest_step: Option<Step>,
    #[serde(default)]
    pub latest_step_on: Option<String>,
    #[serde(default)]
    pub term_start: Option<String>,
    #[serde(default)]
    pub term_end: Option<String>,
    #[serde(default)]
    pub sample: bool,
    /// The record's time.
    pub updated_at: Millis,
}

/// A contract as residents of its compounds see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicContract {
    /// The record's id.
    pub id: String,
    pub company: String,
    pub compounds: Vec<String>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub term_months: Option<u16>,
    /// The day it ends or ended: the term's last day, or the day it was ended.
    #[serde(default)]
    pub end: Option<String>,
    /// Ended before or at its term's end (not merely run out).
    #[serde(default)]
    pub ended: bool,
    #[serde(default)]
    pub scope: Vec<Scope>,
    /// Fen (0.01 yuan) per square metre per month.
    #[serde(default)]
    pub fee_fen: Option<u32>,
    /// From the published list: its terms are not entered yet.
    #[serde(default)]
    pub migrated: bool,
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
}

/// Every compound's public records: the file `/data/records.json` holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicRecords {
    #[serde(default)]
    pub committees: Vec<PublicCommittee>,
    #[serde(default)]
    pub contracts: Vec<PublicContract>,
}

impl PublicCommittee {
    pub fn of(c: &Committee) -> PublicCommittee {
        let now = &c.current;
        let latest = match now.stage {
            Stage::Preparing => now.steps.last().cloned(),
            Stage::None | Stage::Elected => None,
        };
        let elected = now.stage == Stage::Elected;
        PublicCommittee {
            compound: c.compound.clone(),
            stage: now.stage,
            latest_step: latest.as_ref().map(|(step, _)| *step),
            latest_step_on: latest.map(|(_, on)| on),
            term_start: now.term_start.clone().filter(|_| elected),
            term_end: now.term_end.clone().filter(|_| elected),
            sample: c.sample,
            updated_at: c.updated_at,
        }
    }
}

impl PublicContract {
    pub fn of(k: &ServiceContract) -> PublicContract {
        PublicContract {
            id: k.id.clone(),
            company: k.company.clone(),
            compounds: k.compounds.clone(),
            start: k.start.clone(),
            term_months: k.term_months,
            end: k.end(),
            ended: k.ended_on.is_some(),
            scope: k.scope.clone(),
            fee_fen: k.fee_fen,
            migrated: k.migrated,
            sample: k.sample,
            updated_at: k.updated_at,
        }
    }
}

/// Whether a put changed what is published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    Changed,
    /// What is published is as new or newer.
    Unchanged,
}

impl PublicRecords {
    /// The summaries of `committees` and `contracts` (deleted ones left out).
    pub fn of(committees: &[Committee], contracts: &[ServiceContract]) -> PublicRecords {
        let mut records = PublicRecords::default();
        for c in committees {
            records.put_committee(c);
        }
        for k in contracts {
            records.put_contract(k);
        }
        records
    }

    /// `c`'s summary in place of its compound's (a deleted record takes it away). What is
    /// put is the server's winning revision, so it replaces whatever was there — a sample,
    /// an earlier revision — whatever their times: an office phone's clock can be wrong.
    pub fn put_committee(&mut self, c: &Committee) -> Put {
        let at = self
            .committees
            .iter()
            .position(|p| p.compound == c.compound);
        put(
            &mut self.committees,
            at,
            (!c.deleted).then(|| PublicCommittee::of(c)),
        )
    }

    /// `k`'s summary in place of the one of the same id (the published list's, a sample's,
    /// an earlier revision's); deleted: taken away.
    pub fn put_contract(&mut self, k: &ServiceContract) -> Put {
        let at = self.contracts.iter().position(|p| p.id == k.id);
        put(
            &mut self.contracts,
            at,
            (!k.deleted).then(|| PublicContract::of(k)),
        )
    }

    /// The summary of compound `compound`'s committee taken away (its record is no longer
    /// on the server: a deletion carries nothing else).
    pub fn remove_committee(&mut self, compound: &str) -> Put {
        let at = self.committees.iter().position(|c| c.compound == compound);
        put(&mut self.committees, at, None)
    }

    /// The summary of contract `id` taken away.
    pub fn remove_contract(&mut self, id: &str) -> Put {
        let at = self.contracts.iter().position(|k| k.id == id);
        put(&mut self.contracts, at, None)
    }

    /// The committee of compound `id`.
    pub fn committee(&self, id: &str) -> Option<&PublicCommittee> {
        self.committees.iter().find(|c| c.compound == id)
    }

    /// The newest contract that names compound `id` (by start; one migrated from the
    /// published list, which has none, only when there is no other).
    pub fn latest_contract(&self, id: &str) -> Option<&PublicContract> {
        self.contracts
            .iter()
            .filter(|k| k.compounds.iter().any(|c| c == id))
            .max_by(|a, b| a.start.cmp(&b.start))
    }
}

/// `new` at `at` of `list` (or added; `None`: the one at `at` removed), and whether that
/// changed anything.
fn put<T: PartialEq>(list: &mut Vec<T>, at: Option<usize>, new: Option<T>) -> Put {
    match (at, new) {
        (Some(i), Some(n)) if list[i] == n => return Put::Unchanged,
        (Some(i), Some(n)) => list[i] = n,
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some(n)) => list.push(n),
        (None, None) => return Put::Unchanged,
    }
    Put::Changed
}

#[cfg(test)]
#[path = "public_tests.rs"]
mod tests;
