//! Key cases that span many households (近 1000 户 不动产办证 at 云峰安置区 and 柏丽广场):
//! a title, a kind, the compounds the case spans, how many households it concerns, the
//! day it was opened, its progress as dated lines (with the households done so far where
//! known), and whether it is resolved (on a day not before it was opened). One record per
//! case (`case:<id>`); progress and resolution are added by correcting it (a new revision).

use serde::{Deserialize, Serialize};

use super::{Checker, FieldError, Fields, MAX_TEXT, Problem, before};
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::time::parse_date;

keyed_enum! {
    /// What the case is about.
    #[derive(Serialize, Deserialize)]
    pub enum CaseKind {
        /// 不动产办证: property certificates.
        Certificates = "certificates",
        /// 维修资金: the repair fund.
        RepairFund = "repair_fund",
        /// 加装电梯: lifts added to old buildings.
        Lifts = "lifts",
        Other = "other",
    }
}

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum CaseStatus {
        Open = "open",
        Resolved = "resolved",
    }
}

/// One line of progress: `2026-03-01 | 完成首批 | 300` (the households done so far,
/// optional).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub date: String,
    pub what: String,
    #[serde(default)]
    pub done: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyCase {
    pub id: String,
    pub title: String,
    pub kind: CaseKind,
    pub compounds: Vec<String>,
    pub households: u32,
    pub opened: String,
    #[serde(default)]
    pub progress: Vec<Progress>,
    pub status: CaseStatus,
    #[serde(default)]
    pub resolved_on: Option<String>,
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

pub const TITLE: &str = "title";
pub const KIND: &str = "kind";
pub const COMPOUNDS: &str = "compounds";
pub const HOUSEHOLDS: &str = "households";
pub const OPENED: &str = "opened";
pub const PROGRESS: &str = "progress";
pub const STATUS: &str = "status";
pub const RESOLVED_ON: &str = "resolved_on";
/// The most households a case takes (the district has some 565 compounds).
pub const MAX_HOUSEHOLDS: u32 = 1_000_000;

/// A positive whole number up to `max`: `300`, or `300 户`.
pub fn count(text: &str, max: u32) -> Option<u32> {
    let digits = text.trim().trim_end_matches('户').trim();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=max).contains(n))
}

/// One progress line; `None` when it does not read, or its date is after `today` or
/// before `opened`, or it counts more households than the case.
fn progress(
    line: &str,
    opened: Option<&str>,
    households: Option<u32>,
    today: Millis,
) -> Option<Progress> {
    let parts: Vec<&str> = line.split(['|', '｜']).map(str::trim).collect();
    let (date, what) = (*parts.first()?, *parts.get(1)?);
    let at = parse_date(date)?;
    let done = match parts.get(2) {
        None => None,
        Some(n) => Some(count(n, households.unwrap_or(MAX_HOUSEHOLDS))?),
    };
    let fits = parts.len() <= 3
        && at <= today
        && !opened.is_some_and(|o| before(date, o))
        && !what.is_empty()
        && what.chars().count() <= MAX_TEXT;
    fits.then(|| Progress {
        date: date.into(),
        what: what.into(),
        done,
    })
}

/// What the form reads to: everything but the id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
    pub title: String,
    pub kind: CaseKind,
    pub compounds: Vec<String>,
    pub households: u32,
    pub opened: String,
    pub progress: Vec<Progress>,
    pub status: CaseStatus,
    pub resolved_on: Option<String>,
}

pub fn read(f: &Fields, compounds: &[Compound], today: Millis) -> Result<Terms, Vec<FieldError>> {
    let mut c = Checker::default();
    let title = c.text(f, TITLE);
    let kind = CaseKind::from_key(f.get(KIND));
    if kind.is_none() {
        c.add(KIND, Problem::Required);
    }
    let chosen: Vec<String> = f.list(COMPOUNDS).into_iter().map(String::from).collect();
    if chosen.is_empty() {
        c.add(COMPOUNDS, Problem::Required);
    } else if chosen
        .iter()
        .any(|id| !compounds.iter().any(|k| &k.id == id && !k.deleted))
    {
        c.add(COMPOUNDS, Problem::UnknownCompound);
    }
    let households = match f.get(HOUSEHOLDS) {
        "" => {
            c.add(HOUSEHOLDS, Problem::Required);
            None
        }
        t => count(t, MAX_HOUSEHOLDS).or_else(|| {
            c.add(HOUSEHOLDS, Problem::BadCount);
            None
        }),
    };
    let opened = c.date(f, OPENED, today);
    let lines: Vec<&str> = f
        .get(PROGRESS)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let read_lines: Vec<Option<Progress>> = lines
        .iter()
        .map(|l| progress(l, opened.as_deref(), households, today))
        .collect();
    if read_lines.iter().any(Option::is_none) {
        c.add(PROGRESS, Problem::BadProgress);
    }
    let status = CaseStatus::from_key(f.get(STATUS));
    if status.is_none() {
        c.add(STATUS, Problem::Required);
    }
    let resolved_on = match status {
        Some(CaseStatus::Resolved) if f.get(RESOLVED_ON).is_empty() => {
            c.add(RESOLVED_ON, Problem::Required);
            None
        }
        Some(CaseStatus::Resolved) => {
            c.optional_date(f, RESOLVED_ON, Some(today))
                .filter(|d| match opened.as_deref() {
                    Some(o) if before(d, o) => {
                        c.add(RESOLVED_ON, Problem::BeforeOpened);
                        false
                    }
                    _ => true,
                })
        }
        _ if !f.get(RESOLVED_ON).is_empty() => {
            c.add(RESOLVED_ON, Problem::NotForStage);
            None
        }
        _ => None,
    };
    let progress = read_lines.into_iter().flatten().collect();
    let all = title
        .zip(kind)
        .zip(households)
        .zip(opened)
        .zip(status)
        .filter(|_| !chosen.is_empty());
    let resolved_ok = status != Some(CaseStatus::Resolved) || resolved_on.is_some();
    c.done(all.filter(|_| resolved_ok))
        .map(|((((title, kind), households), opened), status)| Terms {
            title,
            kind,
            compounds: chosen,
            households,
            opened,
            progress,
            status,
            resolved_on,
        })
}

impl KeyCase {
    pub fn saved(held: Option<&KeyCase>, t: Terms, now: Millis) -> KeyCase {
        KeyCase {
            id: held.map_or_else(|| format!("k{now}"), |h| h.id.clone()),
            title: t.title,
            kind: t.kind,
            compounds: t.compounds,
            households: t.households,
            opened: t.opened,
            progress: t.progress,
            status: t.status,
            resolved_on: t.resolved_on,
            sample: false,
            updated_at: now,
            deleted: false,
        }
    }

    pub fn fields(&self) -> Fields {
        let mut f = Fields::default();
        f.set(TITLE, &self.title);
        f.set(KIND, self.kind.key());
        f.set(COMPOUNDS, self.compounds.join(","));
        f.set(HOUSEHOLDS, self.households.to_string());
        f.set(OPENED, &self.opened);
        let lines: Vec<String> = self
            .progress
            .iter()
            .map(|p| match p.done {
                Some(n) => format!("{} | {} | {n}", p.date, p.what),
                None => format!("{} | {}", p.date, p.what),
            })
            .collect();
        f.set(PROGRESS, lines.join("\n"));
        f.set(STATUS, self.status.key());
        f.set(RESOLVED_ON, self.resolved_on.clone().unwrap_or_default());
        f
    }

    /// Households whose matter is settled: all of them once resolved, else the most the
    /// progress lines count.
    pub fn done(&self) -> u32 {
        match self.status {
            CaseStatus::Resolved => self.households,
            CaseStatus::Open => self
                .progress
                .iter()
                .filter_map(|p| p.done)
                .max()
                .unwrap_or(0)
                .min(self.households),
        }
    }
}

/// The figures where the office looks: cases still open, households the cases concern,
/// and households resolved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CaseCounts {
    pub open: usize,
    pub households: u64,
    pub resolved: u64,
}

/// Counted over the cases that span at least one of `compounds` (the place looked at).
pub fn counts(cases: &[KeyCase], compounds: &[Compound]) -> CaseCounts {
    let ours = |k: &KeyCase| {
        k.compounds
            .iter()
            .any(|id| compounds.iter().any(|c| &c.id == id))
    };
    let mut n = CaseCounts::default();
    for k in cases.iter().filter(|k| !k.deleted && ours(k)) {
        n.open += usize::from(k.status == CaseStatus::Open);
        n.households += u64::from(k.households);
        n.resolved += u64::from(k.done());
    }
    n
}

/// Held records over the shipped samples.
pub fn all(shipped: Vec<KeyCase>, held: &[KeyCase]) -> Vec<KeyCase> {
    super::merged(shipped, held, |k| &k.id, |k| k.deleted)
}

#[cfg(test)]
#[path = "case_tests.rs"]
mod tests;
