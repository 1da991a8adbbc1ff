//! What a hand-off link may change on the phone that opens it. Links travel by SMS and
//! WeChat and anyone can make one, so the receiver decides: a building lead's copy of a
//! report can add that report to a steward's queue (or bring it up to date); a steward's
//! update can only add a steward's steps to a report this phone already has; the
//! reporter's answer can only confirm with a rating or reopen. Nothing here touches the
//! roster or any other report. Every check is all-or-nothing: a refused link changes
//! nothing.

use super::Millis;
use super::limits::{DESCRIPTION_MAX, NAME_MAX, NOTE_MAX, check_text};
use super::phone::parse_phone;
use super::report::{Report, Status, StatusEvent};
use super::report_changes::{ChangeError, check_change};
use super::report_rules::QuestionKey;

/// The most steps a link may carry: far more than any real report has.
pub const MAX_STEPS: usize = 60;

/// Who sent the steps of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// A steward's update, for the reporter's phone.
    Steward,
    /// The reporter's confirmation (or reopening), for the steward's phone.
    Reporter,
}

impl Side {
    /// The steps this side may record (and so the steps its links carry).
    pub fn may_record(self, step: &StatusEvent) -> bool {
        match self {
            Side::Steward if step.change.is_some() => {
                step.change.as_ref().is_some_and(|c| c.kind().may(step.by))
            }
            Side::Steward => {
                step.by.is_some()
                    && matches!(
                        step.status,
                        Status::Acknowledged
                            | Status::InProgress
                            | Status::Resolved
                            | Status::Closed
                    )
            }
            Side::Reporter => {
                step.by.is_none()
                    && step.change.is_none()
                    && matches!(step.status, Status::Confirmed | Status::Reopened)
            }
        }
    }
}

/// What opening a link did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    /// A report new to this phone.
    Added,
    /// This many steps were added (and, for a newer copy, its wording taken).
    Updated(usize),
    /// Everything in the link was here already (the same link twice, or an older one).
    AlreadyHad,
}

/// Why a link was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The link is about a report this phone does not have.
    UnknownReport(String),
    /// A step this sender may not record (a steward's link confirming, say).
    NotTheirs(Status),
    /// A step that cannot follow the report's current status here.
    Illegal { from: Status, to: Status },
    /// A step without the note every step but confirming needs.
    NoteMissing,
    /// A confirmation without a 1–5 rating, or a rating without a confirmation.
    BadRating,
    /// A field that no report made by this app could have; names the field.
    BadContent(&'static str),
}

/// A report copy from a building lead's link, checked and taken in: new reports are
/// added (marked as received `now`); a copy of a report already here adds its missing
/// steps and, when it is the newer copy, its wording.
pub fn take_copy(
    existing: Option<&Report>,
    incoming: Report,
    now: Millis,
) -> Result<(Report, Received), Refusal> {
    check_copy(&incoming)?;
    let Some(here) = existing.filter(|r| !r.deleted) else {
        let mut added = incoming;
        added.received_at = Some(now);
        return Ok((added, Received::Added));
    };
    let mut merged = here.clone();
    let added = append_missing(&mut merged, &incoming.timeline)?;
    let newer = incoming.updated_at > here.updated_at;
    if newer {
        merged.category = incoming.category;
        merged.answers = incoming.answers;
        merged.description = incoming.description;
        merged.urgency = incoming.urgency;
        merged.reporter_name = incoming.reporter_name;
        merged.reporter_phone = incoming.reporter_phone;
        merged.share_phone = incoming.share_phone;
        merged.satisfaction = incoming.satisfaction.or(merged.satisfaction);
    }
    // The steps' changes win over the wording of either copy.
    merged.settle_changes();
    merged.same_problem = merged.same_problem.max(incoming.same_problem);
    if merged == *here {
        return Ok((merged, Received::AlreadyHad));
    }
    merged.updated_at = merged.updated_at.max(incoming.updated_at);
    Ok((merged, Received::Updated(added)))
}

/// The steps of a steward's update or of the reporter's answer, added to the report
/// this phone has. Steps already here are skipped, so the same link twice, or an older
/// one after a newer one, changes nothing.
pub fn apply_steps(
    existing: Option<&Report>,
    id: &str,
    steps: &[StatusEvent],
    rating: Option<u8>,
    side: Side,
) -> Result<(Report, Received), Refusal> {
    let here = existing
        .filter(|r| !r.deleted)
        .ok_or_else(|| Refusal::UnknownReport(id.to_string()))?;
    if steps.len() > MAX_STEPS {
        return Err(Refusal::BadContent("steps"));
    }
    if let Some(step) = steps.iter().find(|s| !side.may_record(s)) {
        return Err(Refusal::NotTheirs(step.status));
    }
    let confirms = steps.iter().any(|s| s.status == Status::Confirmed);
    if confirms != rating.is_some() || rating.is_some_and(|r| !(1..=5).contains(&r)) {
        return Err(Refusal::BadRating);
    }
    let mut updated = here.clone();
    let added = append_missing(&mut updated, steps)?;
    if added == 0 {
        return Ok((updated, Received::AlreadyHad));
    }
    if side == Side::Reporter && rating.is_some() {
        updated.satisfaction = rating;
    }
    Ok((updated, Received::Updated(added)))
}

/// A steward's update also says how many reports are this same problem (`duplicates`):
/// taken in beside its steps.
pub fn take_group_size(
    (mut report, how): (Report, Received),
    size: Option<u32>,
) -> (Report, Received) {
    match size {
        Some(n) if n != report.same_problem => {
            report.same_problem = n;
            let how = match how {
                Received::AlreadyHad => Received::Updated(0),
                other => other,
            };
            (report, how)
        }
        _ => (report, how),
    }
}

/// Appends the steps `report` does not have yet, each by the status machine's rules.
fn append_missing(report: &mut Report, steps: &[StatusEvent]) -> Result<usize, Refusal> {
    let mut added = 0;
    for step in steps {
        if report.timeline.contains(step) {
            continue;
        }
        check_note(&step.note)?;
        let from = report.status();
        if step.change.is_some() {
            check_change(report, step).map_err(|e| match e {
                ChangeError::NotYourRole(_) => Refusal::NotTheirs(step.status),
                ChangeError::NotNow(_) => Refusal::Illegal {
                    from,
                    to: step.status,
                },
                ChangeError::NoteRequired => Refusal::NoteMissing,
                _ => Refusal::BadContent("change"),
            })?;
            report.timeline.push(step.clone());
            report.settle_changes();
            report.updated_at = report.updated_at.max(step.at);
            added += 1;
            continue;
        }
        if !from.can_become(step.status) {
            return Err(Refusal::Illegal {
                from,
                to: step.status,
            });
        }
        // As `Report::transition`: submitting and confirming need no words.
        let silent = matches!(step.status, Status::Submitted | Status::Confirmed);
        if !silent && step.note.trim().is_empty() {
            return Err(Refusal::NoteMissing);
        }
        report.timeline.push(step.clone());
        report.updated_at = report.updated_at.max(step.at);
        added += 1;
    }
    Ok(added)
}

fn check_note(note: &str) -> Result<(), Refusal> {
    check_text(note, NOTE_MAX, false)
        .map(|_| ())
        .map_err(|_| Refusal::BadContent("note"))
}

/// A copy must look like a report this app made: a reference number, a place, text
/// within the form's limits, known questions, a valid phone, and a timeline the status
/// machine could have produced, starting with its submission.
pub fn check_copy(r: &Report) -> Result<(), Refusal> {
    let bad = Refusal::BadContent;
    if !is_reference(&r.id) {
        return Err(bad("id"));
    }
    let id_like = |s: &str| !s.is_empty() && s.len() <= 64 && !s.contains(char::is_whitespace);
    if !id_like(&r.compound)
        || ![&r.building, &r.unit, &r.assigned]
            .iter()
            .all(|o| o.as_deref().is_none_or(id_like))
    {
        return Err(bad("place"));
    }
    check_text(&r.description, DESCRIPTION_MAX, true).map_err(|_| bad("description"))?;
    check_text(r.reporter_name.as_deref().unwrap_or(""), NAME_MAX, false)
        .map_err(|_| bad("name"))?;
    if r.reporter_phone
        .as_deref()
        .is_some_and(|p| parse_phone(p).is_err())
    {
        return Err(bad("phone"));
    }
    let known = |k: &str| QuestionKey::from_key(k).is_some();
    if r.answers.len() > QuestionKey::ALL.len()
        || r.answers
            .iter()
            .any(|(k, v)| !known(k) || v.chars().count() > NAME_MAX * 2)
    {
        return Err(bad("answers"));
    }
    if r.satisfaction.is_some_and(|s| !(1..=5).contains(&s)) {
        return Err(bad("satisfaction"));
    }
    if r.timeline.len() > MAX_STEPS
        || r.timeline.first().map(|e| e.status) != Some(Status::Submitted)
    {
        return Err(bad("timeline"));
    }
    let mut replay = r.clone();
    replay.timeline.clear();
    append_missing(&mut replay, &r.timeline).map(|_| ())
}

/// `R20261126-7KQ3X`: what `report::reference_number` makes.
pub fn is_reference(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 15
        && b[0] == b'R'
        && b[1..9].iter().all(u8::is_ascii_digit)
        && b[9] == b'-'
        && b[10..]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
}

#[cfg(test)]
#[path = "handoff_tests.rs"]
mod tests;
