//! A steward's daily tools on a report, each a timeline step that keeps the status: give
//! it to another steward (reassign), say it is another kind of problem (re-categorise),
//! set another deadline, or mark it the same problem as another report (duplicate). Each
//! step says who, when and why; who may take which, and from which status, is decided
//! here. The report's fields follow the last step of each kind (`settle_changes`), so two
//! phones that merged their timelines agree on them.

use serde::{Deserialize, Serialize};

use super::Millis;
use super::compound::Compound;
use super::limits::{NOTE_MAX, check_text};
use super::report::{Category, Report, Status, StatusEvent};
use super::steward::Role;
use super::time::DAY_MS;

/// What a step changes besides the status; in the timeline as `{"Reassign": "s12"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepChange {
    /// Given to another steward of the compound (their roster id).
    Reassign(String),
    /// Another kind of problem.
    Recategorise(Category),
    /// A new expected-by time.
    Deadline(Millis),
    /// The same problem as another report (its reference number).
    DuplicateOf(String),
}

keyed_enum! {
    pub enum ChangeKind {
        Reassign = "reassign" @ 0,
        Recategorise = "recategorise" @ 1,
        Deadline = "deadline" @ 2,
        DuplicateOf = "duplicate_of" @ 3,
    }
}

impl StepChange {
    pub fn kind(&self) -> ChangeKind {
        match self {
            StepChange::Reassign(_) => ChangeKind::Reassign,
            StepChange::Recategorise(_) => ChangeKind::Recategorise,
            StepChange::Deadline(_) => ChangeKind::Deadline,
            StepChange::DuplicateOf(_) => ChangeKind::DuplicateOf,
        }
    }
}

/// The latest deadline a step may set, after the step.
pub const DEADLINE_MAX_DAYS: Millis = 180;

impl ChangeKind {
    /// The roles that may take this step (the reporter takes none). A 和事佬 passes a
    /// problem on or marks it a duplicate; what kind of problem it is and its deadline
    /// are for 红管家 and 物管家. deploy/rules.mjs `CHANGE_ROLES` says the same
    /// (tests/server/rules.test.mjs compares them).
    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            ChangeKind::Reassign => &[Red, Property, Peacemaker],
            ChangeKind::Recategorise => &[Red, Property],
            ChangeKind::Deadline => &[Red, Property],
            ChangeKind::DuplicateOf => &[Red, Property, Peacemaker],
        }
    }

    pub fn may(self, by: Option<Role>) -> bool {
        by.is_some_and(|r| self.roles().contains(&r))
    }
}

/// The statuses a report may be changed in: with the stewards, not yet resolved (a
/// resolved report waits for its reporter; a reopened one is with the stewards again).
pub fn changeable(status: Status) -> bool {
    matches!(
        status,
        Status::Submitted | Status::Acknowledged | Status::InProgress | Status::Reopened
    )
}

/// Why a change was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// This role (or the reporter) may not take this step.
    NotYourRole(ChangeKind),
    /// Not while the report is in this status.
    NotNow(Status),
    /// Every change says why.
    NoteRequired,
    NoteTooLong,
    /// It is already so (the same steward, category or deadline; itself as duplicate).
    Unchanged,
    /// The deadline is not after now, or more than `DEADLINE_MAX_DAYS` later.
    BadDeadline,
    /// Nobody of that id in the compound's roster.
    UnknownSteward,
    /// Not a reference number of a report.
    UnknownReport,
}

impl Report {
    /// Takes a change step: checked whole, then recorded with the status it keeps.
    /// `compound` (when this phone knows it) checks a reassignment's steward.
    pub fn change(
        &mut self,
        change: StepChange,
        note: &str,
        by: Option<Role>,
        compound: Option<&Compound>,
        at: Millis,
    ) -> Result<(), ChangeError> {
        let step = StatusEvent {
            at,
            status: self.status(),
            note: note.trim().to_string(),
            by,
            change: Some(change),
        };
        check_change(self, &step)?;
        let unchanged = match &step.change {
            Some(StepChange::Reassign(id)) => self.assigned.as_ref() == Some(id),
            Some(StepChange::Recategorise(c)) => *c == self.category,
            Some(StepChange::Deadline(t)) => Some(*t) == self.expected_by,
            Some(StepChange::DuplicateOf(id)) => self.duplicate_of() == Some(id.as_str()),
            None => true,
        };
        if unchanged {
            return Err(ChangeError::Unchanged);
        }
        if let (Some(StepChange::Reassign(id)), Some(c)) = (&step.change, compound)
            && !c.stewards.iter().any(|s| &s.id == id)
        {
            return Err(ChangeError::UnknownSteward);
        }
        self.timeline.push(step);
        self.settle_changes();
        self.updated_at = self.updated_at.max(at);
        Ok(())
    }

    /// The fields the change steps set, from the last step of each kind in time order
    /// (after a merge of two timelines, both phones arrive at the same).
    pub fn settle_changes(&mut self) {
        // The latest of each kind; of two at the same time, the one later in the timeline
        // (deploy/report_changes.mjs `settled` picks the same). No sort: the report form's
        // program carries this, and a sort routine is kilobytes of wasm.
        let mut latest: [Option<&StatusEvent>; 4] = [None; 4];
        for step in &self.timeline {
            if let Some(c) = &step.change {
                let slot = &mut latest[c.kind().index()];
                if slot.is_none_or(|e| step.at >= e.at) {
                    *slot = Some(step);
                }
            }
        }
        let changes: Vec<StepChange> = latest
            .iter()
            .flatten()
            .filter_map(|e| e.change.clone())
            .collect();
        for change in changes {
            match change {
                StepChange::Reassign(id) => self.assigned = Some(id),
                StepChange::Recategorise(c) => self.category = c,
                StepChange::Deadline(t) => self.expected_by = Some(t),
                StepChange::DuplicateOf(_) => {}
            }
        }
    }

    /// The report this one duplicates, if a steward marked it so.
    pub fn duplicate_of(&self) -> Option<&str> {
        self.timeline.iter().rev().find_map(|e| match &e.change {
            Some(StepChange::DuplicateOf(id)) => Some(id.as_str()),
            _ => None,
        })
    }
}

/// Whether `step` (a change step) may follow `report` as it is: the role, the status it
/// keeps, the note, and a change of a possible value. The check a receiving phone makes
/// of a link's steps (`handoff`); `Report::change` also refuses a change to what is.
pub fn check_change(report: &Report, step: &StatusEvent) -> Result<(), ChangeError> {
    let Some(change) = &step.change else {
        return Err(ChangeError::Unchanged);
    };
    let kind = change.kind();
    if !kind.may(step.by) {
        return Err(ChangeError::NotYourRole(kind));
    }
    // A complaint about the property company goes past its own 物管家 (`Category`): nor
    // does one of them say it is about something else. Only a 红管家 re-categorises it.
    if kind == ChangeKind::Recategorise
        && report.category.about_the_company()
        && step.by != Some(Role::Red)
    {
        return Err(ChangeError::NotYourRole(kind));
    }
    let status = report.status();
    if !changeable(status) || step.status != status {
        return Err(ChangeError::NotNow(status));
    }
    match check_text(&step.note, NOTE_MAX, true) {
        Ok(_) => {}
        Err(super::limits::TextError::Required) => return Err(ChangeError::NoteRequired),
        Err(_) => return Err(ChangeError::NoteTooLong),
    }
    let id_like = |s: &str| !s.is_empty() && s.len() <= 64 && !s.contains(char::is_whitespace);
    match change {
        StepChange::Reassign(id) if !id_like(id) => Err(ChangeError::UnknownSteward),
        StepChange::Deadline(t) if *t <= step.at || *t > step.at + DEADLINE_MAX_DAYS * DAY_MS => {
            Err(ChangeError::BadDeadline)
        }
        StepChange::DuplicateOf(id) if !super::handoff::is_reference(id) => {
            Err(ChangeError::UnknownReport)
        }
        StepChange::DuplicateOf(id) if *id == report.id => Err(ChangeError::Unchanged),
        _ => Ok(()),
    }
}

#[cfg(test)]
#[path = "report_changes_tests.rs"]
mod tests;
