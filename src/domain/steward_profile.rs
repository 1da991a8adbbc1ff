//! Who the steward using this phone is, and which compounds they look after — several
//! at once, as when one property company runs a 连片托管 package.

use serde::{Deserialize, Serialize};

use super::limits::{NAME_MAX, TextError, check_text};
use super::phone::{PhoneError, parse_phone};
use super::steward::Role;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StewardProfile {
    pub name: String,
    pub role: Role,
    pub phone: String,
    /// Compound ids, in the order the steward added them.
    pub compounds: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    Name(TextError),
    Phone(PhoneError),
    NoCompound,
}

impl StewardProfile {
    /// Every problem at once, so each field can show its own message.
    pub fn check(&self, known: impl Fn(&str) -> bool) -> Vec<ProfileError> {
        let mut errors = Vec::new();
        if let Err(e) = check_text(&self.name, NAME_MAX, true) {
            errors.push(ProfileError::Name(e));
        }
        if let Err(e) = parse_phone(&self.phone) {
            errors.push(ProfileError::Phone(e));
        }
        if self.compounds.is_empty() || !self.compounds.iter().all(|c| known(c)) {
            errors.push(ProfileError::NoCompound);
        }
        errors
    }

    /// The profile as stored: trimmed name, normalised phone, no compound twice.
    pub fn normalised(mut self) -> StewardProfile {
        self.name = self.name.trim().to_string();
        if let Ok(p) = parse_phone(&self.phone) {
            self.phone = p.display();
        }
        let mut seen = std::collections::HashSet::new();
        self.compounds.retain(|c| seen.insert(c.clone()));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> StewardProfile {
        StewardProfile {
            name: " 王建国 ".into(),
            role: Role::Property,
            phone: "+86 138-0000-0001".into(),
            compounds: vec!["dongtangcun".into(), "xintang".into(), "dongtangcun".into()],
        }
    }

    #[test]
    fn a_profile_needs_a_name_a_phone_and_known_compounds() {
        assert!(profile().check(|_| true).is_empty());
        let p = profile().normalised();
        assert_eq!(
            (p.name.as_str(), p.phone.as_str()),
            ("王建国", "138 0000 0001")
        );
        assert_eq!(
            p.compounds,
            ["dongtangcun", "xintang"],
            "a 连片托管 package, once each"
        );
        let mut bad = profile();
        bad.name = " ".into();
        bad.phone = "123&body=x".into();
        bad.compounds.clear();
        assert_eq!(
            bad.check(|_| true),
            vec![
                ProfileError::Name(TextError::Required),
                ProfileError::Phone(PhoneError::BadCharacters),
                ProfileError::NoCompound,
            ]
        );
        assert_eq!(
            profile().check(|c| c != "xintang"),
            vec![ProfileError::NoCompound]
        );
    }
}
