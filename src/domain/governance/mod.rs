//! Records of the district's governance work, entered by the office (docs/SECURITY.md:
//! who writes each kind): a compound's 业主委员会 (owners' committee), the 连片托管
//! contracts, the company register, meetings, key cases spanning many households,
//! improvements made per compound and the party census (党员摸底). Each form's fields
//! arrive as typed text (`Fields`), are checked here field by field (`Problem`: one
//! sentence each, worded by `i18n::governance`), and only a form with no problem becomes
//! a record.

pub mod case;
pub mod census;
pub mod committee;
pub mod company;
pub mod contract;
pub mod improvement;
pub mod meeting;
pub mod public;

use super::Millis;
use super::time::parse_date;

keyed_enum! {
    /// What is wrong with one field, as the sentence shown beside it.
    pub enum Problem {
        Required = "required",
        BadDate = "bad_date",
        InFuture = "in_future",
        BeforeStart = "before_start",
        StepOrder = "step_order",
        NoSteps = "no_steps",
        NoMembers = "no_members",
        BadMember = "bad_member",
        NotForStage = "not_for_stage",
        TooLong = "too_long",
        UnknownCompound = "unknown_compound",
        BadNumber = "bad_number",
        BadFee = "bad_fee",
        NoScope = "no_scope",
        EndNeedsDate = "end_needs_date",
        NotHeld = "not_held",
        BadPhone = "bad_phone",
        Taken = "taken",
        NoScorecard = "no_scorecard",
        BadFollowUp = "bad_follow_up",
        BadCount = "bad_count",
        BadProgress = "bad_progress",
        BeforeOpened = "before_opened",
        BadPartyLine = "bad_party_line",
        LongName = "long_name",
        UnknownBuilding = "unknown_building",
        ReportInFuture = "report_in_future",
        DuplicateMember = "duplicate_member",
        TooManyMembers = "too_many_members",
    }
}

/// One field's problem: the field's key (its form name) and what is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Problem,
}

/// The longest free text a field takes (a name, a note), in characters.
pub const MAX_TEXT: usize = 200;

/// A form's fields as typed: key and text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields(pub Vec<(&'static str, String)>);

impl Fields {
    pub fn get(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v.trim())
    }

    /// A many-choice field's values (kept as text joined by commas).
    pub fn list(&self, key: &str) -> Vec<&str> {
        self.get(key)
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    pub fn set(&mut self, key: &'static str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }
}

/// Collects problems while a form is read.
#[derive(Debug, Default)]
pub struct Checker(pub Vec<FieldError>);

impl Checker {
    pub fn add(&mut self, field: &'static str, problem: Problem) {
        if !self.0.iter().any(|e| e.field == field) {
            self.0.push(FieldError { field, problem });
        }
    }

    /// A required date, not after `today`: `2026-07-01`, as a date input gives it.
    pub fn date(&mut self, f: &Fields, key: &'static str, today: Millis) -> Option<String> {
        let text = f.get(key);
        if text.is_empty() {
            self.add(key, Problem::Required);
            return None;
        }
        self.optional_date(f, key, Some(today))
    }

    /// A date if one is typed; `not_after`: refused when later than it.
    pub fn optional_date(
        &mut self,
        f: &Fields,
        key: &'static str,
        not_after: Option<Millis>,
    ) -> Option<String> {
        let text = f.get(key);
        if text.is_empty() {
            return None;
        }
        match parse_date(text) {
            None => self.add(key, Problem::BadDate),
            Some(at) if not_after.is_some_and(|t| at > t) => self.add(key, Problem::InFuture),
            Some(_) => return Some(text.to_string()),
        }
        None
    }

    /// Required free text of at most `MAX_TEXT` characters.
    pub fn text(&mut self, f: &Fields, key: &'static str) -> Option<String> {
        let text = f.get(key);
        if text.is_empty() {
            self.add(key, Problem::Required);
            return None;
        }
        self.optional_text(f, key)
    }

    pub fn optional_text(&mut self, f: &Fields, key: &'static str) -> Option<String> {
        let text = f.get(key);
        if text.chars().count() > MAX_TEXT {
            self.add(key, Problem::TooLong);
            return None;
        }
        Some(text.to_string())
    }

    pub fn done<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(v) if self.0.is_empty() => Ok(v),
            _ => Err(self.0),
        }
    }
}

/// Whether `later` (a date) is before `earlier`: both as typed, checked already.
pub fn before(later: &str, earlier: &str) -> bool {
    match (parse_date(later), parse_date(earlier)) {
        (Some(l), Some(e)) => l < e,
        _ => false,
    }
}

/// What a list shows: the records held, and each shipped one (a sample, a contract
/// migrated from the published list) that no held record of the same id replaced;
/// deleted ones left out.
pub fn merged<T: Clone>(
    shipped: Vec<T>,
    held: &[T],
    id: fn(&T) -> &str,
    deleted: fn(&T) -> bool,
) -> Vec<T> {
    let mut out: Vec<T> = shipped
        .into_iter()
        .filter(|s| !held.iter().any(|h| id(h) == id(s)))
        .collect();
    out.extend(held.iter().cloned());
    out.retain(|k| !deleted(k));
    out
}
