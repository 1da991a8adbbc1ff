//! Rules around a report that are not its status machine: the category's own questions,
//! validating the form, and finding likely duplicates before submitting.

use super::Millis;
use super::limits::{DESCRIPTION_MAX, NAME_MAX, TextError, check_text};
use super::phone::{PhoneError, parse_phone};
use super::report::{Category, Report};
use super::time::DAY_MS;

/// How a category-specific question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    YesNo,
    Text,
}

/// A question asked for one category; its label lives in the i18n catalogue by `key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub key: &'static str,
    pub kind: AnswerKind,
}

/// What stewards need to know first, per category (as FixMyStreet asks per category).
pub fn questions(category: Category) -> &'static [Question] {
    use AnswerKind::*;
    match category {
        Category::SepticTank => &[
            Question {
                key: "overflowing",
                kind: YesNo,
            },
            Question {
                key: "which_unit",
                kind: Text,
            },
        ],
        Category::Parking => &[
            Question {
                key: "where",
                kind: Text,
            },
            Question {
                key: "fire_lane",
                kind: YesNo,
            },
        ],
        Category::NeighbourDispute => &[
            Question {
                key: "parties",
                kind: Text,
            },
            Question {
                key: "mediated_before",
                kind: YesNo,
            },
        ],
        Category::Drainage => &[
            Question {
                key: "where",
                kind: Text,
            },
            Question {
                key: "flooding",
                kind: YesNo,
            },
        ],
        Category::Safety => &[
            Question {
                key: "where",
                kind: Text,
            },
            Question {
                key: "danger_now",
                kind: YesNo,
            },
        ],
        Category::Facilities => &[Question {
            key: "which_facility",
            kind: Text,
        }],
        Category::Sanitation | Category::PropertyFee | Category::Other => &[],
    }
}

/// A report form as typed, before validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportInput {
    pub compound: String,
    pub building: String,
    pub description: String,
    pub reporter_name: String,
    pub reporter_phone: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    CompoundRequired,
    Description(TextError),
    Name(TextError),
    Phone(PhoneError),
}

/// Checks the whole form and returns every problem at once, so each field can show its
/// own message.
pub fn validate(input: &ReportInput) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if input.compound.trim().is_empty() {
        errors.push(FieldError::CompoundRequired);
    }
    if let Err(e) = check_text(&input.description, DESCRIPTION_MAX, true) {
        errors.push(FieldError::Description(e));
    }
    if let Err(e) = check_text(&input.reporter_name, NAME_MAX, false) {
        errors.push(FieldError::Name(e));
    }
    if !input.reporter_phone.trim().is_empty()
        && let Err(e) = parse_phone(&input.reporter_phone)
    {
        errors.push(FieldError::Phone(e));
    }
    errors
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
    use crate::domain::report::Status;
    use crate::domain::report::tests::report;

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = ReportInput {
            compound: " ".into(),
            building: String::new(),
            description: String::new(),
            reporter_name: "名".repeat(41),
            reporter_phone: "123&body=x".into(),
        };
        assert_eq!(
            validate(&input),
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
        let ok = ReportInput {
            compound: "dongtangcun".into(),
            description: "化粪池堵了".into(),
            ..ReportInput::default()
        };
        assert!(validate(&ok).is_empty(), "name and phone are optional");
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
        assert_eq!(questions(Category::SepticTank)[0].key, "overflowing");
        assert_eq!(questions(Category::SepticTank)[0].kind, AnswerKind::YesNo);
        assert!(questions(Category::Other).is_empty());
    }
}
