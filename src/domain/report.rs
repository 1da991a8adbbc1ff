//! Reports (modelled on Open311 GeoReport v2 service requests) and their status machine.
//! The timeline is append-only: the current status is always the last event's.

use serde::{Deserialize, Serialize};

use super::Millis;
pub use super::category::Category;
use super::compound::Compound;
use super::report_changes::StepChange;
use super::steward::Role;

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum Urgency {
        Normal = "normal" @ 0,
        Urgent = "urgent" @ 1,
        Emergency = "emergency" @ 2,
    }
}

impl Urgency {
    /// Days a steward has, by urgency, before the report counts as overdue.
    pub fn days_allowed(self) -> Millis {
        match self {
            Urgency::Normal => 7,
            Urgency::Urgent => 3,
            Urgency::Emergency => 1,
        }
    }
}

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum Status {
        Draft = "draft" @ 0,
        Submitted = "submitted" @ 1,
        Acknowledged = "acknowledged" @ 2,
        InProgress = "in_progress" @ 3,
        Resolved = "resolved" @ 4,
        Confirmed = "confirmed" @ 5,
        Reopened = "reopened" @ 6,
        Closed = "closed" @ 7,
    }
}

impl Status {
    /// The legal next statuses. Only the reporter's confirmation makes a report 办结, so
    /// nothing skips from open straight to Confirmed.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Draft => &[Submitted],
            Submitted => &[Acknowledged, InProgress, Resolved, Closed],
            Acknowledged => &[InProgress, Resolved, Closed],
            InProgress => &[Resolved, Closed],
            Resolved => &[Confirmed, Reopened],
            Reopened => &[Acknowledged, InProgress, Resolved, Closed],
            Confirmed => &[Closed],
            Closed => &[],
        }
    }

    pub fn can_become(self, to: Status) -> bool {
        self.next().contains(&to)
    }

    /// Still waiting for someone to act.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Draft | Status::Confirmed | Status::Closed)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusEvent {
    pub at: Millis,
    pub status: Status,
    pub note: String,
    /// Who recorded it: `None` for the reporter, else the steward role.
    pub by: Option<Role>,
    /// What the step changed besides the status (`report_changes`): a step with one keeps
    /// the status it was taken in. Absent from every other step, as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<StepChange>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Also the reference number people quote: `R20261126-7KQ3X`.
    pub id: String,
    pub compound: String,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub category: Category,
    /// Answers to the category's own questions, as (question key, answer).
    #[serde(default)]
    pub answers: Vec<(String, String)>,
    pub description: String,
    pub urgency: Urgency,
    #[serde(default)]
    pub reporter_name: Option<String>,
    #[serde(default)]
    pub reporter_phone: Option<String>,
    /// The reporter allowed their phone to appear in shares.
    #[serde(default)]
    pub share_phone: bool,
    #[serde(default)]
    pub photos: Vec<String>,
    pub timeline: Vec<StatusEvent>,
    #[serde(default)]
    pub assigned: Option<String>,
    #[serde(default)]
    pub expected_by: Option<Millis>,
    #[serde(default)]
    pub satisfaction: Option<u8>,
    #[serde(default)]
    pub followers: u32,
    /// How many reports, this one among them, a steward marked as one same problem
    /// (`duplicates`): what each of their reporters sees as the neighbours who reported
    /// it. 0 until a steward marks one.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub same_problem: u32,
    pub created_at: Millis,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
    /// When this phone took the report in from a building lead's hand-off link: set on a
    /// steward's copy, never on the reporter's own (which "my reports" lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_at: Option<Millis>,
    /// The sync account (a resident's CouchDB user) that filed it from this phone: the
    /// server sends the stewards' progress on it back to that account's own database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed_by: Option<String>,
    /// The sync account signed in on this phone when it was filed (none: nobody was, or
    /// an older version of the app filed it): which account may claim it (`claims`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed_signed_in: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransitionError {
    Illegal {
        from: Status,
        to: Status,
    },
    NoteRequired,
    /// Satisfaction goes with confirmation and is 1–5.
    BadRating(u8),
}

impl Report {
    /// "东塘村小区 3栋 2单元": where the report is, from the ids it keeps, in the names
    /// of its compound (or just the compound id when the compound is unknown here).
    pub fn place_name(&self, compound: Option<&Compound>) -> String {
        let Some(c) = compound else {
            return self.compound.clone();
        };
        let building = self
            .building
            .as_deref()
            .and_then(|b| c.find_building(b))
            .map(|(_, b)| b);
        let unit =
            building.and_then(|b| b.units.iter().find(|u| Some(&u.id) == self.unit.as_ref()));
        [
            Some(c.name.as_str()),
            building.map(|b| b.name.as_str()),
            unit.map(|u| u.name.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// A new, empty draft for a place; it becomes a report on `transition(Submitted)`.
    pub fn draft(
        id: String,
        compound: String,
        building: Option<String>,
        unit: Option<String>,
        at: Millis,
    ) -> Report {
        Report {
            id,
            compound,
            building,
            unit,
            category: Category::Other,
            answers: vec![],
            description: String::new(),
            urgency: Urgency::Normal,
            reporter_name: None,
            reporter_phone: None,
            share_phone: false,
            photos: vec![],
            timeline: vec![],
            assigned: None,
            expected_by: None,
            satisfaction: None,
            followers: 0,
            same_problem: 0,
            created_at: at,
            updated_at: at,
            deleted: false,
            received_at: None,
            filed_by: None,
            filed_signed_in: None,
        }
    }

    pub fn status(&self) -> Status {
        self.timeline.last().map_or(Status::Draft, |e| e.status)
    }

    /// Still open and past its expected-by date.
    pub fn is_overdue(&self, now: Millis) -> bool {
        self.status().is_open() && self.expected_by.is_some_and(|due| due < now)
    }

    /// When it was first submitted, if ever.
    pub fn submitted_at(&self) -> Option<Millis> {
        self.first_time(Status::Submitted)
    }

    pub fn first_time(&self, status: Status) -> Option<Millis> {
        self.timeline
            .iter()
            .find(|e| e.status == status)
            .map(|e| e.at)
    }

    /// Appends a status event if the move is legal. Every change after submission needs
    /// a note, so the timeline explains itself.
    pub fn transition(
        &mut self,
        to: Status,
        note: &str,
        by: Option<Role>,
        at: Millis,
    ) -> Result<(), TransitionError> {
        let from = self.status();
        if !from.can_become(to) {
            return Err(TransitionError::Illegal { from, to });
        }
        // Submitting and confirming (which carries a rating) need no words; every other
        // step says what was done.
        if !matches!(to, Status::Submitted | Status::Confirmed) && note.trim().is_empty() {
            return Err(TransitionError::NoteRequired);
        }
        self.timeline.push(StatusEvent {
            at,
            status: to,
            note: note.trim().to_string(),
            by,
            change: None,
        });
        self.updated_at = self.updated_at.max(at);
        Ok(())
    }

    /// The reporter confirms the fix and rates it; only this counts as 办结.
    pub fn confirm(&mut self, rating: u8, note: &str, at: Millis) -> Result<(), TransitionError> {
        if !(1..=5).contains(&rating) {
            return Err(TransitionError::BadRating(rating));
        }
        self.transition(Status::Confirmed, note, None, at)?;
        self.satisfaction = Some(rating);
        Ok(())
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A readable reference, unique across devices: the date plus 25 random bits in
/// Crockford base32 (no I, L, O, U to misread). Collisions need the same day and the same
/// 1-in-33-million draw.
pub fn reference_number(now: Millis, random: u32) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let (y, m, d) = super::time::civil_date(now);
    let code: String = (0..5)
        .map(|i| ALPHABET[((random >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("R{y:04}{m:02}{d:02}-{code}")
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
