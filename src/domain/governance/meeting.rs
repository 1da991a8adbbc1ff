//! The routines: a 物业管理专题会议 with streets, communities and companies every quarter,
//! and special meetings between. Each meeting: its kind, date, who attended, what was
//! decided, and follow-ups, each with its owner, due date and whether it is done. One
//! record per meeting (`meeting:<id>`); a follow-up is marked done by correcting the
//! meeting (a new revision).

use serde::{Deserialize, Serialize};

use super::{Checker, FieldError, Fields, MAX_TEXT, Problem};
use crate::domain::Millis;
use crate::domain::district::period::Quarter;
use crate::domain::time::parse_date;

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum MeetingKind {
        /// 物业管理专题会议, every quarter.
        Quarterly = "quarterly",
        /// 专题协调会, called for one matter.
        Special = "special",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub what: String,
    pub owner: String,
    pub due: String,
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: String,
    pub kind: MeetingKind,
    pub date: String,
    pub attendees: Vec<String>,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

pub const KIND: &str = "kind";
pub const DATE: &str = "date";
pub const ATTENDEES: &str = "attendees";
pub const DECISIONS: &str = "decisions";
pub const FOLLOW_UPS: &str = "follow_ups";
/// What marks a follow-up done at the end of its line.
pub const DONE_MARKS: [&str; 3] = ["完成", "已完成", "done"];

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// One follow-up a line: `事项 | 负责人 | 2026-12-31`, and `| 完成` once done.
fn follow_up(line: &str) -> Option<FollowUp> {
    let parts: Vec<&str> = line.split(['|', '｜']).map(str::trim).collect();
    let (what, owner, due) = (*parts.first()?, *parts.get(1)?, *parts.get(2)?);
    let done = match parts.get(3) {
        None => false,
        Some(mark) if DONE_MARKS.contains(mark) => true,
        Some(_) => return None,
    };
    let short = |s: &str| !s.is_empty() && s.chars().count() <= MAX_TEXT;
    (parts.len() <= 4 && short(what) && short(owner) && parse_date(due).is_some()).then(|| {
        FollowUp {
            what: what.into(),
            owner: owner.into(),
            due: due.into(),
            done,
        }
    })
}

/// What the form reads to: everything but the id.
pub type Terms = (MeetingKind, String, Vec<String>, Vec<String>, Vec<FollowUp>);

pub fn read(f: &Fields, today: Millis) -> Result<Terms, Vec<FieldError>> {
    let mut c = Checker::default();
    let kind = MeetingKind::from_key(f.get(KIND));
    if kind.is_none() {
        c.add(KIND, Problem::Required);
    }
    let date = c.date(f, DATE, today);
    let attendees = lines(f.get(ATTENDEES));
    if attendees.is_empty() {
        c.add(ATTENDEES, Problem::Required);
    }
    let decisions = lines(f.get(DECISIONS));
    for (key, list) in [(ATTENDEES, &attendees), (DECISIONS, &decisions)] {
        if list.iter().any(|l| l.chars().count() > MAX_TEXT) {
            c.add(key, Problem::TooLong);
        }
    }
    let typed: Vec<Option<FollowUp>> = lines(f.get(FOLLOW_UPS))
        .iter()
        .map(|l| follow_up(l))
        .collect();
    if typed.iter().any(Option::is_none) {
        c.add(FOLLOW_UPS, Problem::BadFollowUp);
    }
    let follow_ups = typed.into_iter().flatten().collect();
    c.done(kind.zip(date))
        .map(|(k, d)| (k, d, attendees, decisions, follow_ups))
}

impl Meeting {
    pub fn saved(
        held: Option<&Meeting>,
        (kind, date, attendees, decisions, follow_ups): Terms,
        now: Millis,
    ) -> Meeting {
        Meeting {
            id: held.map_or_else(|| format!("m{now}"), |h| h.id.clone()),
            kind,
            date,
            attendees,
            decisions,
            follow_ups,
            sample: false,
            updated_at: now,
            deleted: false,
        }
    }

    pub fn fields(&self) -> Fields {
        let mut f = Fields::default();
        f.set(KIND, self.kind.key());
        f.set(DATE, &self.date);
        f.set(ATTENDEES, self.attendees.join("\n"));
        f.set(DECISIONS, self.decisions.join("\n"));
        let follow: Vec<String> = self
            .follow_ups
            .iter()
            .map(|u| {
                let done = if u.done {
                    format!(" | {}", DONE_MARKS[0])
                } else {
                    String::new()
                };
                format!("{} | {} | {}{done}", u.what, u.owner, u.due)
            })
            .collect();
        f.set(FOLLOW_UPS, follow.join("\n"));
        f
    }
}

/// The routine's figures: quarterly meetings held this quarter, follow-ups not done, and
/// of those, past their due date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeetingCounts {
    pub this_quarter: usize,
    pub open: usize,
    pub late: usize,
}

pub fn counts(meetings: &[Meeting], today: Millis) -> MeetingCounts {
    let span = Quarter::of(today).span();
    let mut n = MeetingCounts::default();
    for m in meetings.iter().filter(|m| !m.deleted) {
        let held = parse_date(&m.date).is_some_and(|at| span.contains(at));
        n.this_quarter += usize::from(m.kind == MeetingKind::Quarterly && held);
        for u in m.follow_ups.iter().filter(|u| !u.done) {
            n.open += 1;
            n.late += usize::from(parse_date(&u.due).is_some_and(|due| due < today));
        }
    }
    n
}

/// Held records over the shipped samples.
pub fn all(shipped: Vec<Meeting>, held: &[Meeting]) -> Vec<Meeting> {
    super::merged(shipped, held, |k| &k.id, |k| k.deleted)
}

#[cfg(test)]
#[path = "meeting_tests.rs"]
mod tests;
