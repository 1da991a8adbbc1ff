//! Names of domain values and messages for domain errors, read from the catalogue: the
//! one way to turn a value into words. The domain itself holds no display text.

use super::{Lang, Strings};
use crate::domain::compound::ManagementMode;
use crate::domain::limits::TextError;
use crate::domain::phone::PhoneError;
use crate::domain::report::{Category, Status, TransitionError, Urgency};
use crate::domain::report_rules::{FieldError, QuestionKey};
use crate::domain::steward::Role;

impl Strings {
    pub fn role(&self, role: Role) -> &'static str {
        (self.roles)(role)
    }

    /// A recorded step's author: a steward role, or the reporter (`None`).
    pub fn recorder(&self, role: Option<Role>) -> &'static str {
        role.map_or(self.app().reporter_role, |r| self.role(r))
    }

    pub fn mode(&self, mode: ManagementMode) -> &'static str {
        (self.modes)(mode)
    }

    pub fn category(&self, category: Category) -> &'static str {
        (self.app().categories)(category)
    }

    pub fn status(&self, status: Status) -> &'static str {
        (self.app().statuses)(status)
    }

    pub fn urgency(&self, urgency: Urgency) -> &'static str {
        (self.app().urgencies)(urgency)
    }

    /// The label of a category-specific question (`report_rules::questions`) by the key a
    /// stored answer has; an unknown key (a newer app's question) gets a general label.
    pub fn question(&self, key: &str) -> &'static str {
        QuestionKey::from_key(key).map_or(self.app().question_other, self.app().questions)
    }

    pub fn yes_no(&self, answer: bool) -> &'static str {
        if answer {
            self.app().yes
        } else {
            self.app().no
        }
    }

    /// A stored answer as shown: "yes"/"no" in the language, free text as typed.
    pub fn answer<'a>(&self, answer: &'a str) -> &'a str {
        match answer {
            "yes" => self.app().yes,
            "no" => self.app().no,
            other => other,
        }
    }

    /// The message shown next to a form field.
    pub fn field_error(&self, error: &FieldError) -> String {
        match error {
            FieldError::CompoundRequired => self.err_compound.to_string(),
            FieldError::Description(e) | FieldError::Name(e) => self.text_error(e),
            FieldError::Phone(PhoneError::BadCharacters) => self.err_phone_chars.to_string(),
            FieldError::Phone(PhoneError::Empty | PhoneError::NotANumber) => {
                self.err_phone_number.to_string()
            }
        }
    }

    /// Why a status change was refused.
    pub fn transition_error(&self, error: &TransitionError) -> &'static str {
        match error {
            TransitionError::Illegal { .. } => self.err_illegal,
            TransitionError::NoteRequired => self.err_note,
            TransitionError::BadRating(_) => self.err_rating,
        }
    }

    /// A text field's problem in words.
    pub fn text_error(&self, e: &TextError) -> String {
        match e {
            TextError::Required => self.err_required.to_string(),
            TextError::TooLong { max, actual } => {
                self.with_note(self.err_too_long, &format!("{actual} / {max}"))
            }
        }
    }

    /// Items as a list the language's way: 甲、乙 / a, b.
    pub fn list(&self, items: &[String]) -> String {
        items.join(match self.lang {
            Lang::Zh => "、",
            Lang::En => ", ",
        })
    }

    /// Sentences' parts one after another: 名称：甲 → 乙；户数：1 → 2 / …; ….
    pub fn clauses(&self, items: &[String]) -> String {
        items.join(match self.lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        })
    }

    /// A shared text's first word, set apart: 【小区管家】 / [Compound Steward] .
    pub fn heading(&self, text: &str) -> String {
        match self.lang {
            Lang::Zh => format!("【{text}】"),
            Lang::En => format!("[{text}] "),
        }
    }

    /// A label and its value: 交给：张三 / Given to: Zhang San.
    pub fn colon(&self) -> &'static str {
        match self.lang {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }

    /// A text with a note after it: 张三（红管家） / Zhang San (red steward).
    pub fn with_note(&self, text: &str, note: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{text}（{note}）"),
            Lang::En => format!("{text} ({note})"),
        }
    }

    /// "line 3" in the language of the file's reader.
    pub fn line(&self, line: usize) -> String {
        format!("{line}{}", self.app().line_suffix)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lang, strings};
    use super::*;

    /// Every value of `all` named, and no two alike (a copied line left unchanged).
    fn named_apart<T: Copy + std::fmt::Debug>(all: &[T], name: impl Fn(T) -> &'static str) {
        let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
        for (v, n) in all.iter().zip(&names) {
            assert!(!n.trim().is_empty(), "{v:?} has no name");
            assert_eq!(names.iter().filter(|m| *m == n).count(), 1, "{v:?}: {n}");
        }
    }

    #[test]
    fn every_value_has_a_name_of_its_own_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let s = strings(lang);
            named_apart(&Role::ALL, |v| s.role(v));
            named_apart(&ManagementMode::ALL, |v| s.mode(v));
            named_apart(&Category::ALL, |v| s.category(v));
            named_apart(&Status::ALL, |v| s.status(v));
            named_apart(&Urgency::ALL, |v| s.urgency(v));
            named_apart(&QuestionKey::ALL, |v| s.question(v.key()));
            assert_eq!(
                s.category(Category::SepticTank),
                ["化粪池", "Septic tank"][lang as usize]
            );
            assert_eq!(
                s.role(Role::Peacemaker),
                ["和事佬", "Peacemaker"][lang as usize]
            );
            assert_eq!(
                s.question("parties"),
                ["涉及哪几户？", "Which households are involved?"][lang as usize]
            );
            assert_eq!(s.question("unknown"), ["补充", "Detail"][lang as usize]);
            assert_eq!(s.answer("yes"), ["是", "Yes"][lang as usize]);
            assert_eq!(s.answer("3栋"), "3栋");
        }
    }

    #[test]
    fn lists_and_notes_are_punctuated_in_the_readers_language() {
        let items = ["化粪池".to_string(), "路灯".to_string()];
        assert_eq!(strings(Lang::Zh).list(&items), "化粪池、路灯");
        assert_eq!(strings(Lang::En).list(&items), "化粪池, 路灯");
        assert_eq!(strings(Lang::Zh).with_note("li", "管家"), "li（管家）");
        assert_eq!(strings(Lang::En).with_note("li", "steward"), "li (steward)");
        assert_eq!(strings(Lang::En).colon(), ": ");
    }
}
