//! What a hand-off link carries, as positional JSON: a report copy (from the lead) and
//! one side's steps (a steward's update, the reporter's answer). Positions and the enums'
//! link codes (`keyed_enum!`'s `@ n`, never renumbered) keep links short;
//! `the_positions_links_carry_never_move` pins them, and links made by earlier builds are
//! read in `format/handoff/tests.rs`.

use serde::{Deserialize, Serialize};

use super::Kind;
use crate::domain::Millis;
use crate::domain::handoff::Side;
use crate::domain::report::{Category, Report, Status, StatusEvent, Urgency};
use crate::domain::report_changes::{ChangeKind, StepChange};
use crate::domain::report_rules::QuestionKey;
use crate::domain::steward::Role;

/// How far apart two times in one link may be: anything else is not a real report
/// (and would overflow when added back).
const SPAN_MAX: Millis = 20 * 365 * 24 * 3_600_000;
/// The most reports a link says are one same problem.
const GROUP_MAX: u32 = 10_000;
/// The latest base time read (about the year 3100).
const TIME_MAX: Millis = 1 << 45;

/// One step, positionally: `[ms after the link's base time, status code, role code or
/// null, note]`, and for a step that changes something besides the status a fifth,
/// `[change kind code, value]` (`LinkChange`). A four-position step is what every earlier link carried, so
/// links already sent still read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step(
    Millis,
    u8,
    Option<u8>,
    String,
    #[serde(default, skip_serializing_if = "Option::is_none")] Option<LinkChange>,
);

/// A change step's change: its `ChangeKind` code and the value written as text — the
/// steward or report id, the category code, or the deadline in ms after the base time.
type LinkChange = (u8, String);

fn step(base: Millis, e: &StatusEvent) -> Step {
    let change = e.change.as_ref().map(|c| {
        let value = match c {
            StepChange::Reassign(id) | StepChange::DuplicateOf(id) => id.clone(),
            StepChange::Recategorise(category) => category.code().to_string(),
            StepChange::Deadline(t) => (t - base).to_string(),
        };
        (c.kind().code(), value)
    });
    Step(
        e.at - base,
        e.status.code(),
        e.by.map(Role::code),
        e.note.clone(),
        change,
    )
}

/// The change a link's step carries, if it can be read (see `step_ok`).
fn change(base: Millis, (kind, value): &LinkChange) -> Option<StepChange> {
    let number = || value.parse::<Millis>().ok();
    Some(match ChangeKind::from_code(*kind)? {
        ChangeKind::Reassign => StepChange::Reassign(value.clone()),
        ChangeKind::DuplicateOf => StepChange::DuplicateOf(value.clone()),
        ChangeKind::Recategorise => {
            StepChange::Recategorise(Category::from_code(u8::try_from(number()?).ok()?)?)
        }
        ChangeKind::Deadline => {
            let after = number().filter(|t| t.abs() <= SPAN_MAX)?;
            StepChange::Deadline(base + after)
        }
    })
}

/// The step as a timeline event; `None` when a code is unknown (see `step_ok`).
fn event(base: Millis, s: &Step) -> Option<StatusEvent> {
    Some(StatusEvent {
        at: base + s.0,
        status: Status::from_code(s.1)?,
        by: match s.2 {
            Some(r) => Some(Role::from_code(r)?),
            None => None,
        },
        note: s.3.clone(),
        change: s.4.as_ref().and_then(|c| change(base, c)),
    })
}

fn step_ok(s: &Step) -> bool {
    s.0.abs() <= SPAN_MAX
        && Status::from_code(s.1).is_some()
        && s.2.is_none_or(|r| Role::from_code(r).is_some())
        && s.4.as_ref().is_none_or(|c| change(0, c).is_some())
}

/// A kind of link body, checked beyond its JSON shape (indices in range, times sane).
pub trait LinkBody: serde::de::DeserializeOwned {
    fn valid(&self) -> bool;
}

/// A report as a building lead sends it: no photos (they stay on the lead's phone; the
/// count is sent), and no name or phone unless the lead allowed sharing them. A JSON
/// array, each position below; times are milliseconds after `created`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportCopy(
    /// 0 id, 1 compound, 2 building, 3 unit
    String,
    String,
    Option<String>,
    Option<String>,
    /// 4 category code, 5 urgency code, 6 description
    u8,
    u8,
    String,
    /// 7 answers: (the question's code, answer)
    Vec<(u8, String)>,
    /// 8 reporter's name, 9 phone (only if shared), 10 photos kept on the phone
    Option<String>,
    Option<String>,
    u8,
    /// 11 created (the base time), 12 steps, 13 assigned steward id
    Millis,
    Vec<Step>,
    Option<String>,
    /// 14 expected by, 15 rating, 16 last updated
    Option<Millis>,
    Option<u8>,
    Millis,
    /// 17 how many reports are this same problem (`domain::duplicates`): absent unless a
    /// steward marked some, so links without it read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    Option<u32>,
);

impl ReportCopy {
    pub fn of(r: &Report) -> ReportCopy {
        let shared = |v: &Option<String>| v.clone().filter(|_| r.share_phone);
        let base = r.created_at;
        let answers = r
            .answers
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .filter_map(|(k, v)| {
                let q = QuestionKey::from_key(k)?;
                Some((q.code(), v.clone()))
            })
            .collect();
        ReportCopy(
            r.id.clone(),
            r.compound.clone(),
            r.building.clone(),
            r.unit.clone(),
            r.category.code(),
            r.urgency.code(),
            r.description.clone(),
            answers,
            shared(&r.reporter_name),
            shared(&r.reporter_phone),
            r.photos.len().min(u8::MAX as usize) as u8,
            base,
            r.timeline.iter().map(|e| step(base, e)).collect(),
            r.assigned.clone(),
            r.expected_by.map(|t| t - base),
            r.satisfaction,
            r.updated_at - base,
            (r.same_problem > 0).then_some(r.same_problem),
        )
    }

    /// Photos the reporter kept on their phone.
    pub fn photos_elsewhere(&self) -> u8 {
        self.10
    }

    /// The report as the receiving phone keeps it (its content not yet checked: see
    /// `domain::handoff::take_copy`).
    pub fn into_report(self) -> Report {
        let base = self.11;
        let mut r = Report::draft(self.0, self.1, self.2, self.3, base);
        // `valid` has checked every code.
        r.category = Category::from_code(self.4).unwrap_or(Category::Other);
        r.urgency = Urgency::from_code(self.5).unwrap_or(Urgency::Normal);
        r.description = self.6;
        r.answers = self
            .7
            .into_iter()
            .filter_map(|(q, v)| Some((QuestionKey::from_code(q)?.key().to_string(), v)))
            .collect();
        r.share_phone = self.8.is_some() || self.9.is_some();
        r.reporter_name = self.8;
        r.reporter_phone = self.9;
        r.timeline = self.12.iter().filter_map(|s| event(base, s)).collect();
        r.assigned = self.13;
        r.expected_by = self.14.map(|t| base + t);
        r.satisfaction = self.15;
        r.updated_at = base + self.16;
        r.same_problem = self.17.unwrap_or_default();
        r
    }
}

impl LinkBody for ReportCopy {
    fn valid(&self) -> bool {
        let span = |t: Millis| t.abs() <= SPAN_MAX;
        Category::from_code(self.4).is_some()
            && Urgency::from_code(self.5).is_some()
            && self
                .7
                .iter()
                .all(|(q, _)| QuestionKey::from_code(*q).is_some())
            && (0..=TIME_MAX).contains(&self.11)
            && self.12.iter().all(step_ok)
            && self.14.is_none_or(span)
            && span(self.16)
            && self.17.is_none_or(|n| n <= GROUP_MAX)
    }
}

/// The steps one side recorded on a report, all of them each time: a later link carries
/// everything an earlier one did, so links opened twice or out of order add nothing.
/// `[report id, base time, steps, rating]`, and from a steward, when a steward marked
/// reports as one same problem, how many they are (a fifth, absent otherwise).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Steps(
    String,
    Millis,
    Vec<Step>,
    Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")] Option<u32>,
);

impl Steps {
    /// A steward's steps (`by` a role) or the reporter's answers (confirm, reopen).
    pub fn of(r: &Report, kind: Kind) -> Steps {
        // Exactly what the receiver will take from this side.
        let side = match kind {
            Kind::Update => Side::Steward,
            _ => Side::Reporter,
        };
        let ours = |e: &&StatusEvent| side.may_record(e);
        let base = r.created_at;
        Steps(
            r.id.clone(),
            base,
            r.timeline
                .iter()
                .filter(ours)
                .map(|e| step(base, e))
                .collect(),
            r.satisfaction.filter(|_| kind == Kind::Answer),
            (kind == Kind::Update && r.same_problem > 0).then_some(r.same_problem),
        )
    }

    pub fn report_id(&self) -> &str {
        &self.0
    }

    pub fn events(&self) -> Vec<StatusEvent> {
        self.2.iter().filter_map(|s| event(self.1, s)).collect()
    }

    pub fn rating(&self) -> Option<u8> {
        self.3
    }

    /// How many reports a steward's update says are this same problem.
    pub fn same_problem(&self) -> Option<u32> {
        self.4
    }
}

impl LinkBody for Steps {
    fn valid(&self) -> bool {
        (0..=TIME_MAX).contains(&self.1)
            && self.2.iter().all(step_ok)
            && self.4.is_none_or(|n| n <= GROUP_MAX)
    }
}
