//! The register of property companies: contacts, the compounds they serve, their
//! admission and exit decisions (准入退出) each with the quarter's scorecard attached as it
//! stood, and the training they attended. One record per company (`company:<id>`); its
//! contracts and its scorecards over time are derived from the contracts and the reports.

use serde::{Deserialize, Serialize};

use super::{Checker, FieldError, Fields, Problem};
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::district::period::Quarter;
use crate::domain::district::scorecard::{Scorecard, Verdict};
use crate::domain::phone::parse_phone;
use crate::domain::time::{DAY_MS, parse_date};

keyed_enum! {
    /// What the office decided about a company.
    #[derive(Serialize, Deserialize)]
    pub enum Decision {
        /// 准入: admitted to serve the district's compounds.
        Admit = "admit",
        /// 约谈整改: kept, told to improve.
        Warn = "warn",
        /// 退出: must leave.
        Exit = "exit",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    /// Digits only.
    pub phone: String,
    pub post: String,
}

/// A quarter's scorecard as it stood when a decision was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub quarter: String,
    pub reports: usize,
    pub total: Option<f64>,
    pub basis: Option<u32>,
    pub verdict: Option<Verdict>,
}

impl Snapshot {
    pub fn of(quarter: Quarter, card: &Scorecard) -> Snapshot {
        Snapshot {
            quarter: quarter.key(),
            reports: card.handling.reports,
            total: card.total.map(|(t, _)| t),
            basis: card.total.map(|(_, w)| w),
            verdict: card.verdict,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionEntry {
    pub decision: Decision,
    pub date: String,
    pub scorecard: Snapshot,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    pub date: String,
    pub topic: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Company {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub compounds: Vec<String>,
    #[serde(default)]
    pub decisions: Vec<DecisionEntry>,
    #[serde(default)]
    pub training: Vec<Training>,
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

pub const NAME: &str = "name";
pub const CONTACTS: &str = "contacts";
pub const COMPOUNDS: &str = "compounds";
pub const COMPANY: &str = "company";
pub const DECISION: &str = "decision";
pub const QUARTER: &str = "quarter";
pub const DATE: &str = "date";
pub const NOTE: &str = "note";
pub const TOPIC: &str = "topic";

/// Contacts typed one a line: name, phone, post (`示例甲 138 0000 0001 项目经理`): the
/// first word is the name, the last the post, the phone between.
fn contacts(text: &str) -> Result<Vec<Contact>, Problem> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words.len() < 3 {
                return Err(Problem::BadPhone);
            }
            let phone =
                parse_phone(&words[1..words.len() - 1].join(" ")).map_err(|_| Problem::BadPhone)?;
            let (name, post) = (words[0], words[words.len() - 1]);
            if name.chars().count() > 20 || post.chars().count() > 20 {
                return Err(Problem::BadPhone);
            }
            Ok(Contact {
                name: name.into(),
                phone: phone.digits,
                post: post.into(),
            })
        })
        .collect()
}

/// The register's entry as the company form reads it: name, contacts, compounds.
pub type Entry = (String, Vec<Contact>, Vec<String>);

/// Reads the company form. `others`: the names of the other companies registered.
pub fn read(f: &Fields, compounds: &[Compound], others: &[&str]) -> Result<Entry, Vec<FieldError>> {
    let mut c = Checker::default();
    let name = c.text(f, NAME);
    if name.as_deref().is_some_and(|n| others.contains(&n)) {
        c.add(NAME, Problem::Taken);
    }
    let typed = contacts(f.get(CONTACTS));
    if f.get(CONTACTS).is_empty() {
        c.add(CONTACTS, Problem::Required);
    } else if let Err(p) = &typed {
        c.add(CONTACTS, *p);
    }
    let chosen: Vec<String> = f.list(COMPOUNDS).into_iter().map(String::from).collect();
    if chosen
        .iter()
        .any(|id| !compounds.iter().any(|k| &k.id == id && !k.deleted))
    {
        c.add(COMPOUNDS, Problem::UnknownCompound);
    }
    let entry = name.zip(typed.ok()).map(|(n, k)| (n, k, chosen));
    c.done(entry)
}

/// Reads the decision form: the company's id and the decision, its quarter's scorecard
/// attached (`card`: the company's scorecard in a quarter, if it has one).
pub fn read_decision(
    f: &Fields,
    companies: &[Company],
    card: &dyn Fn(&str, Quarter) -> Option<Snapshot>,
    today: Millis,
) -> Result<(String, DecisionEntry), Vec<FieldError>> {
    let mut c = Checker::default();
    let company = companies
        .iter()
        .find(|k| k.id == f.get(COMPANY) && !k.deleted);
    if company.is_none() {
        c.add(COMPANY, Problem::Required);
    }
    let decision = Decision::from_key(f.get(DECISION));
    if decision.is_none() {
        c.add(DECISION, Problem::Required);
    }
    let quarter = Quarter::parse(f.get(QUARTER));
    if quarter.is_none() {
        c.add(QUARTER, Problem::Required);
    }
    let date = c.date(f, DATE, today);
    let note = c.optional_text(f, NOTE).unwrap_or_default();
    let snapshot = match (company, quarter) {
        (Some(k), Some(q)) => card(&k.name, q).or_else(|| {
            c.add(QUARTER, Problem::NoScorecard);
            None
        }),
        _ => None,
    };
    let entry = (|| {
        Some((
            company?.id.clone(),
            DecisionEntry {
                decision: decision?,
                date: date?,
                scorecard: snapshot?,
                note,
            },
        ))
    })();
    c.done(entry)
}

/// Reads the training form: the company's id and what it attended.
pub fn read_training(
    f: &Fields,
    companies: &[Company],
    today: Millis,
) -> Result<(String, Training), Vec<FieldError>> {
    let mut c = Checker::default();
    let company = companies
        .iter()
        .find(|k| k.id == f.get(COMPANY) && !k.deleted);
    if company.is_none() {
        c.add(COMPANY, Problem::Required);
    }
    let date = c.date(f, DATE, today);
    let topic = c.text(f, TOPIC);
    let entry = (|| {
        Some((
            company?.id.clone(),
            Training {
                date: date?,
                topic: topic?,
            },
        ))
    })();
    c.done(entry)
}

impl Company {
    /// The record after the company form: new, or `held` corrected (its decisions and
    /// training kept).
    pub fn saved(
        held: Option<&Company>,
        (name, contacts, compounds): Entry,
        now: Millis,
    ) -> Company {
        Company {
            id: held.map_or_else(|| format!("co{now}"), |h| h.id.clone()),
            name,
            contacts,
            compounds,
            decisions: held.map(|h| h.decisions.clone()).unwrap_or_default(),
            training: held.map(|h| h.training.clone()).unwrap_or_default(),
            sample: false,
            updated_at: now,
            deleted: false,
        }
    }

    /// The record with one more decision or training, as a new revision.
    pub fn with(&self, now: Millis, add: impl FnOnce(&mut Company)) -> Company {
        let mut next = self.clone();
        add(&mut next);
        next.decisions.sort_by(|a, b| a.date.cmp(&b.date));
        next.training.sort_by(|a, b| a.date.cmp(&b.date));
        next.sample = false;
        next.updated_at = now;
        next
    }

    pub fn fields(&self) -> Fields {
        let mut f = Fields::default();
        f.set(NAME, &self.name);
        let lines: Vec<String> = self
            .contacts
            .iter()
            .map(|k| format!("{} {} {}", k.name, k.phone, k.post))
            .collect();
        f.set(CONTACTS, lines.join("\n"));
        f.set(COMPOUNDS, self.compounds.join(","));
        f
    }

    /// The latest decision, by date.
    pub fn standing(&self) -> Option<&DecisionEntry> {
        self.decisions.last()
    }

    /// Trained within the half year before `today` (training is twice a year).
    pub fn trained_recently(&self, today: Millis) -> bool {
        self.training
            .iter()
            .filter_map(|t| parse_date(&t.date))
            .any(|at| at <= today && today - at <= 183 * DAY_MS)
    }
}

/// The register's figures: companies, by their latest decision, and trained in the last
/// half year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegisterCounts {
    pub companies: usize,
    pub admitted: usize,
    pub warned: usize,
    pub exited: usize,
    pub trained: usize,
}

pub fn counts(companies: &[Company], today: Millis) -> RegisterCounts {
    let mut n = RegisterCounts::default();
    for k in companies.iter().filter(|k| !k.deleted) {
        n.companies += 1;
        match k.standing().map(|d| d.decision) {
            Some(Decision::Admit) => n.admitted += 1,
            Some(Decision::Warn) => n.warned += 1,
            Some(Decision::Exit) => n.exited += 1,
            None => {}
        }
        n.trained += usize::from(k.trained_recently(today));
    }
    n
}

/// Held records over the shipped samples.
pub fn all(shipped: Vec<Company>, held: &[Company]) -> Vec<Company> {
    super::merged(shipped, held, |k| &k.id, |k| k.deleted)
}

#[cfg(test)]
#[path = "company_tests.rs"]
mod tests;
