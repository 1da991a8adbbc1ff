//! Rules around a report that are not its status machine: validating the form, and
//! finding likely duplicates before submitting (a category's own questions are
//! `domain::category`'s).

use super::Millis;
pub use super::category::{AnswerKind, Question, QuestionKey, questions};
use super::compound::Compound;
use super::limits::{DESCRIPTION_MAX, NAME_MAX, TextError, check_text};
use super::phone::{PhoneError, parse_phone};
use super::report::{Report, Status};
use super::routing::responsible_steward;
use super::time::DAY_MS;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    CompoundRequired,
    Description(TextError),
    Name(TextError),
    Phone(PhoneError),
}

/// Checks a draft whole and returns every problem at once, so each field can show its
/// own message.
pub fn validate(draft: &Report) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if draft.compound.trim().is_empty() {
        errors.push(FieldError::CompoundRequired);
    }
    if let Err(e) = check_text(&draft.description, DESCRIPTION_MAX, true) {
        errors.push(FieldError::Description(e));
    }
    let name = draft.reporter_name.as_deref().unwrap_or_default();
    if let Err(e) = check_text(name, NAME_MAX, false) {
        errors.push(FieldError::Name(e));
    }
    let phone = draft.reporter_phone.as_deref().unwrap_or_default();
    if !phone.trim().is_empty()
        && let Err(e) = parse_phone(phone)
    {
        errors.push(FieldError::Phone(e));
    }
    errors
}

/// Submits a draft: checked whole, then given its deadline by urgency, routed to the
/// responsible steward of its compound, and recorded as submitted with the sync account
/// signed in on this phone, if any (`claims`). Either the submitted report or every
/// problem with the draft.
pub fn submit(
    draft: &Report,
    compound: Option<&Compound>,
    signed_in: Option<String>,
    now: Millis,
) -> Result<Report, Vec<FieldError>> {
    let problems = validate(draft);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut report = draft.clone();
    report.description = report.description.trim().to_string();
    report.filed_signed_in = signed_in;
    report.expected_by = Some(now + report.urgency.days_allowed() * DAY_MS);
    report.assigned = compound.and_then(|c| {
        responsible_steward(
            c,
            report.building.as_deref(),
            report.unit.as_deref(),
            report.category,
        )
        .map(|s| s.id.clone())
    });
    // A draft can always be submitted: it is its only legal next state.
    let _ = report.transition(Status::Submitted, "", None, now);
    Ok(report)
}

/// "Mine too": instead of filing the same problem again, the draft's author follows the
/// existing report. Returns it with one more follower, and the draft as a tombstone (kept
/// so that another tab or a later sync learns it is gone).
pub fn follow(existing: &Report, draft: &Report, now: Millis) -> (Report, Report) {
    let mut followed = existing.clone();
    followed.followers += 1;
    followed.updated_at = now;
    let mut dropped = draft.clone();
    dropped.deleted = true;
    dropped.updated_at = now;
    (followed, dropped)
}

/// Open, submitted reports of the same compound, building and category from the last 30
/// days: probably the same problem.
pub fn likely_duplicates<'a>(
    reports: &'a [Report],
    draft: &Report,
    now: Millis,
) -> Vec<&'a Report> {
    reports
        .iter()
        .filter(|r| r.id != draft.id && !r.deleted)
        .filter(|r| r.status().is_open())
        .filter(|r| r.compound == draft.compound && r.building == draft.building)
        .filter(|r| r.category == draft.category)
        .filter(|r| r.submitted_at().is_some_and(|t| now - t <= 30 * DAY_MS))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Category;
    use crate::fixtures::report;

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut draft = report(" ", Category::Other);
        draft.description = String::new();
        draft.reporter_name = Some("名".repeat(41));
        draft.reporter_phone = Some("123&body=x".into());
        assert_eq!(
            validate(&draft),
            vec![
                FieldError::CompoundRequired,
                FieldError::Description(TextError::Required),
                FieldError::Name(TextError::TooLong {
                    max: 40,
                    actual: 41
                }),
                FieldError::Phone(PhoneError::BadCharacters),
            ]
        );
        assert_eq!(submit(&draft, None, None, 1).unwrap_err().len(), 4);
        let ok = report("dongtangcun", Category::Other);
        assert!(validate(&ok).is_empty(), "name and phone are optional");
    }

    #[test]
    fn submitting_sets_the_deadline_by_urgency_and_routes_the_report() {
        let c = crate::fixtures::mapped_compound("d", 1, 2, 2);
        let mut draft = report("d", Category::SepticTank);
        draft.building = Some("2".into());
        draft.description = "  化粪池堵了  ".into();
        draft.urgency = crate::domain::report::Urgency::Urgent;
        let sent = submit(&draft, Some(&c), Some("li".into()), 10).unwrap();
        assert_eq!(sent.status(), Status::Submitted);
        assert_eq!(sent.expected_by, Some(10 + 3 * DAY_MS));
        assert_eq!(sent.description, "化粪池堵了");
        assert_eq!(
            sent.filed_signed_in.as_deref(),
            Some("li"),
            "who was signed in"
        );
        let steward = c
            .stewards
            .iter()
            .find(|s| Some(&s.id) == sent.assigned.as_ref());
        assert_eq!(steward.map(|s| s.title.as_str()), Some("保洁主管"));
        let signed_out = submit(&draft, None, None, 10).unwrap();
        assert_eq!(
            (signed_out.assigned, signed_out.filed_signed_in),
            (None, None)
        );
    }

    #[test]
    fn following_adds_a_follower_and_drops_the_draft() {
        let existing = report("d", Category::Parking);
        let draft = report("d", Category::Parking);
        let (followed, dropped) = follow(&existing, &draft, 7);
        assert_eq!((followed.followers, followed.updated_at), (1, 7));
        assert!(dropped.deleted && !followed.deleted);
    }

    #[test]
    fn duplicates_same_place_and_category_open_and_recent() {
        let now = 100 * DAY_MS;
        let submitted = |id: &str, category, at| {
            let mut r = report("dongtangcun", category);
            r.id = id.into();
            r.transition(Status::Submitted, "", None, at).unwrap();
            r
        };
        let same = submitted("same", Category::SepticTank, now - DAY_MS);
        let old = submitted("old", Category::SepticTank, now - 31 * DAY_MS);
        let other_kind = submitted("kind", Category::Parking, now - DAY_MS);
        let mut closed = submitted("closed", Category::SepticTank, now - DAY_MS);
        closed
            .transition(Status::Closed, "重复", None, now)
            .unwrap();
        let mut other_building = submitted("b2", Category::SepticTank, now - DAY_MS);
        other_building.building = Some("2".into());
        let all = vec![same, old, other_kind, closed, other_building];
        let mut draft = report("dongtangcun", Category::SepticTank);
        draft.id = "draft".into();
        let found: Vec<&str> = likely_duplicates(&all, &draft, now)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(found, ["same"]);
    }

    #[test]
    fn septic_tank_asks_whether_it_overflows() {
        assert_eq!(questions(Category::SepticTank)[0].key.key(), "overflowing");
        assert_eq!(questions(Category::SepticTank)[0].kind, AnswerKind::YesNo);
        assert!(questions(Category::Other).is_empty());
    }
}
