//! 连片托管 contracts: a company, the compounds it runs under one agreement, start and
//! term (the end follows), the services it owes (保洁进楼, 停车有序, …) and its fee
//! standard. A renewal or an end keeps the term before it in `history`; a correction
//! rewrites the current terms. The contracts the published data listed (`company`,
//! `compounds` only) become records of their own (`migrate`), kept until the office
//! corrects them under the same id.

use serde::{Deserialize, Serialize};

use super::{Checker, FieldError, Fields, Problem, before};
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::district::scorecard::Contract;
use crate::domain::time::{DAY_MS, civil_date, format_date, parse_date};

keyed_enum! {
    /// What the company owes the compounds.
    #[derive(Serialize, Deserialize)]
    pub enum Scope {
        Cleaning = "cleaning",
        Parking = "parking",
        Living = "living",
        Security = "security",
        Greening = "greening",
        Repairs = "repairs",
    }
}

keyed_enum! {
    /// What a save does to a held contract.
    pub enum Change {
        /// Fixes what was entered wrong: no history.
        Correct = "correct",
        /// A new term: the one before goes to the history.
        Renew = "renew",
        /// The contract ends on a date.
        End = "end",
    }
}

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum Closed {
        Renewed = "renewed",
        Ended = "ended",
    }
}

/// A term that is over, as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastTerm {
    pub start: Option<String>,
    pub term_months: Option<u16>,
    pub fee_fen: Option<u32>,
    pub scope: Vec<Scope>,
    pub closed: Closed,
    pub recorded_at: Millis,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceContract {
    pub id: String,
    pub company: String,
    pub compounds: Vec<String>,
    /// `2026-07-01`; `None` only for a contract migrated from the published list.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub term_months: Option<u16>,
    #[serde(default)]
    pub scope: Vec<Scope>,
    /// The fee standard in fen (0.01 yuan) per square metre per month.
    #[serde(default)]
    pub fee_fen: Option<u32>,
    /// The day it ended (before its term's end, or at it).
    #[serde(default)]
    pub ended_on: Option<String>,
    #[serde(default)]
    pub history: Vec<PastTerm>,
    /// Made from the published list: its terms are still to be entered.
    #[serde(default)]
    pub migrated: bool,
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

pub const COMPANY: &str = "company";
pub const COMPOUNDS: &str = "compounds";
pub const START: &str = "start";
pub const TERM: &str = "term";
pub const SCOPE: &str = "scope";
pub const FEE: &str = "fee";
pub const CHANGE: &str = "change";
pub const ENDED_ON: &str = "ended_on";
/// The longest term the form takes: ten years.
pub const MAX_TERM_MONTHS: u16 = 120;

/// What the form reads to: everything but the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
    pub company: String,
    pub compounds: Vec<String>,
    pub start: String,
    pub term_months: u16,
    pub scope: Vec<Scope>,
    pub fee_fen: u32,
    pub change: Option<Change>,
    pub ended_on: Option<String>,
}

/// `0.45` yuan as 45 fen; at most two decimals, above 0 and at most 20 yuan.
pub fn fee_fen(text: &str) -> Option<u32> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 2 {
        return None;
    }
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(whole) || !all_digits(frac) {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: u32 = format!("{frac:0<2}").parse().ok()?;
    let fen = whole.checked_mul(100)? + frac;
    (1..=2000).contains(&fen).then_some(fen)
}

/// `0.45 元/㎡·月`'s number: `0.45`.
pub fn fee_text(fen: u32) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The last day of a term of `months` from `start`.
pub fn term_end(start: &str, months: u16) -> Option<String> {
    let at = parse_date(start)?;
    let (y, m, d) = civil_date(at);
    let months0 = y * 12 + (m as i32 - 1) + i32::from(months);
    let (ny, nm) = (months0.div_euclid(12), months0.rem_euclid(12) + 1);
    // The same day that many months on (or the month's last), less one day.
    let mut day = d;
    loop {
        if let Some(next) = parse_date(&format!("{ny:04}-{nm:02}-{day:02}")) {
            return Some(format_date(next - DAY_MS));
        }
        day -= 1;
    }
}

/// Reads the form. `held`: the contract being changed (none for a new one).
pub fn read(
    f: &Fields,
    compounds: &[Compound],
    held: Option<&ServiceContract>,
) -> Result<Terms, Vec<FieldError>> {
    let mut c = Checker::default();
    let company = c.text(f, COMPANY);
    let chosen: Vec<String> = f.list(COMPOUNDS).into_iter().map(String::from).collect();
    if chosen.is_empty() {
        c.add(COMPOUNDS, Problem::Required);
    } else if chosen
        .iter()
        .any(|id| !compounds.iter().any(|k| &k.id == id && !k.deleted))
    {
        c.add(COMPOUNDS, Problem::UnknownCompound);
    }
    let start = match f.get(START) {
        "" => {
            c.add(START, Problem::Required);
            None
        }
        _ => c.optional_date(f, START, None),
    };
    let term = match f.get(TERM) {
        "" => {
            c.add(TERM, Problem::Required);
            None
        }
        t => match t.parse::<u16>() {
            Ok(n) if (1..=MAX_TERM_MONTHS).contains(&n) => Some(n),
            _ => {
                c.add(TERM, Problem::BadNumber);
                None
            }
        },
    };
    let mut scope = Vec::new();
    for key in f.list(SCOPE) {
        match Scope::from_key(key) {
            Some(s) if !scope.contains(&s) => scope.push(s),
            Some(_) => {}
            None => c.add(SCOPE, Problem::NoScope),
        }
    }
    if scope.is_empty() {
        c.add(SCOPE, Problem::NoScope);
    }
    let fee = match f.get(FEE) {
        "" => {
            c.add(FEE, Problem::Required);
            None
        }
        t => fee_fen(t).or_else(|| {
            c.add(FEE, Problem::BadFee);
            None
        }),
    };
    let change = match (held, f.get(CHANGE)) {
        (None, "") => None,
        (None, _) => {
            c.add(CHANGE, Problem::NotHeld);
            None
        }
        (Some(_), key) => Change::from_key(key).or_else(|| {
            c.add(CHANGE, Problem::Required);
            None
        }),
    };
    let ended_on = c.optional_date(f, ENDED_ON, None);
    match change {
        Some(Change::End) if f.get(ENDED_ON).is_empty() => c.add(ENDED_ON, Problem::EndNeedsDate),
        Some(Change::End) => {}
        _ if !f.get(ENDED_ON).is_empty() => c.add(ENDED_ON, Problem::NotForStage),
        _ => {}
    }
    if let (Some(s), Some(e)) = (&start, &ended_on)
        && before(e, s)
    {
        c.add(ENDED_ON, Problem::BeforeStart);
    }
    let terms = (|| {
        Some(Terms {
            company: company?,
            compounds: chosen,
            start: start?,
            term_months: term?,
            scope,
            fee_fen: fee?,
            change,
            ended_on,
        })
    })();
    c.done(terms)
}

impl ServiceContract {
    /// The record after a save of `t`: new (`held` none) or changed as `t.change` says.
    pub fn saved(held: Option<&ServiceContract>, t: Terms, now: Millis) -> ServiceContract {
        let mut history = held.map(|h| h.history.clone()).unwrap_or_default();
        if let (Some(h), Some(Change::Renew)) = (held, t.change) {
            history.push(h.past(Closed::Renewed, now));
        }
        let ended = t.change == Some(Change::End);
        if let (Some(h), true) = (held, ended) {
            history.push(h.past(Closed::Ended, now));
        }
        ServiceContract {
            id: held.map_or_else(|| format!("k{now}"), |h| h.id.clone()),
            company: t.company,
            compounds: t.compounds,
            start: Some(t.start),
            term_months: Some(t.term_months),
            scope: t.scope,
            fee_fen: Some(t.fee_fen),
            ended_on: if ended { t.ended_on } else { None },
            history,
            migrated: false,
            sample: held.is_some_and(|h| h.sample),
            updated_at: now,
            deleted: false,
        }
    }

    fn past(&self, closed: Closed, now: Millis) -> PastTerm {
        PastTerm {
            start: self.start.clone(),
            term_months: self.term_months,
            fee_fen: self.fee_fen,
            scope: self.scope.clone(),
            closed,
            recorded_at: now,
        }
    }

    /// The day it ends: the day it was ended, or its term's last day.
    pub fn end(&self) -> Option<String> {
        self.ended_on
            .clone()
            .or_else(|| term_end(self.start.as_deref()?, self.term_months?))
    }

    /// In force on `today`: started, not ended. A migrated contract (no dates) counts
    /// as in force, as the published list meant it.
    pub fn in_force(&self, today: Millis) -> bool {
        let started = self
            .start
            .as_deref()
            .and_then(parse_date)
            .is_none_or(|s| s <= today);
        let ends = self.end().as_deref().and_then(parse_date);
        !self.deleted && started && ends.is_none_or(|e| today <= e)
    }

    /// The form's fields as the record fills them (to correct, renew or end it).
    pub fn fields(&self) -> Fields {
        let mut f = Fields::default();
        f.set(COMPANY, &self.company);
        f.set(COMPOUNDS, self.compounds.join(","));
        f.set(START, self.start.clone().unwrap_or_default());
        f.set(
            TERM,
            self.term_months.map(|m| m.to_string()).unwrap_or_default(),
        );
        let scope: Vec<&str> = self.scope.iter().map(|s| s.key()).collect();
        f.set(SCOPE, scope.join(","));
        f.set(FEE, self.fee_fen.map(fee_text).unwrap_or_default());
        f.set(CHANGE, Change::Correct.key());
        f
    }
}

/// The published list's contracts as records: one each, `published-<first compound>`.
pub fn migrate(published: &[Contract]) -> Vec<ServiceContract> {
    published
        .iter()
        .map(|p| {
            let mut compounds = p.compounds.clone();
            compounds.sort();
            ServiceContract {
                id: format!("published-{}", compounds.first().map_or("", String::as_str)),
                company: p.company.clone(),
                compounds,
                start: None,
                term_months: None,
                scope: Vec::new(),
                fee_fen: None,
                ended_on: None,
                history: Vec::new(),
                migrated: true,
                sample: false,
                updated_at: 0,
                deleted: false,
            }
        })
        .collect()
}

/// The contracts to show and count: the records held, and each migrated or sample one
/// that no record of the same id has replaced; deleted ones left out.
pub fn all(shipped: Vec<ServiceContract>, held: &[ServiceContract]) -> Vec<ServiceContract> {
    super::merged(shipped, held, |k| &k.id, |k| k.deleted)
}

/// For the scorecards: the contracts in force, as company and compounds.
pub fn in_force(contracts: &[ServiceContract], today: Millis) -> Vec<Contract> {
    contracts
        .iter()
        .filter(|k| k.in_force(today))
        .map(|k| Contract {
            company: k.company.clone(),
            compounds: k.compounds.clone(),
        })
        .collect()
}

/// Compounds run under a contract in force (each once), and the contracts in force.
pub fn coverage(contracts: &[ServiceContract], today: Millis) -> (usize, usize) {
    let live: Vec<&ServiceContract> = contracts.iter().filter(|k| k.in_force(today)).collect();
    let mut ids: Vec<&str> = live
        .iter()
        .flat_map(|k| k.compounds.iter().map(String::as_str))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    (ids.len(), live.len())
}

#[cfg(test)]
#[path = "contract_tests.rs"]
mod tests;
