//! A compound's facts (name, community, subdistrict, built, households, management mode,
//! coverage, property company, hotline, community phone, facilities, the gas, power and
//! lift emergency lines) as a steward edits them in the app — checked by the same rules
//! as the roster import (`optional_phone` is the one rule for every number of them).

use serde::{Deserialize, Serialize};

use super::Millis;
use super::compound::{Compound, EmergencyKind, EmergencyLine, ManagementMode};
use super::limits::{NAME_MAX, TextError, check_text};
use super::phone::{PhoneError, parse_phone};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub name: String,
    pub community: String,
    pub subdistrict: String,
    pub built: Option<u16>,
    pub households: Option<u32>,
    pub mode: ManagementMode,
    pub covered: bool,
    pub property_company: Option<String>,
    pub hotline: Option<String>,
    pub community_phone: Option<String>,
    pub facilities: Vec<String>,
    /// The danger screen's gas, power and lift lines, one of each at most (in that order).
    /// `None` in change-log entries written before they could be edited here: undoing
    /// one of those leaves the lines as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency: Option<Vec<EmergencyLine>>,
}

impl Facts {
    pub fn of(c: &Compound) -> Facts {
        Facts {
            name: c.name.clone(),
            community: c.community.clone(),
            subdistrict: c.subdistrict.clone(),
            built: c.built,
            households: c.households,
            mode: c.mode,
            covered: c.covered,
            property_company: c.property_company.clone(),
            hotline: c.hotline.clone(),
            community_phone: c.community_phone.clone(),
            facilities: c.facilities.clone(),
            emergency: Some(
                EmergencyKind::ALL
                    .into_iter()
                    .filter_map(|kind| {
                        let phone = c.emergency_line(kind)?.to_string();
                        Some(EmergencyLine { kind, phone })
                    })
                    .collect(),
            ),
        }
    }

    /// The number for `kind`, or an empty text.
    pub fn emergency_phone(&self, kind: EmergencyKind) -> &str {
        self.emergency
            .iter()
            .flatten()
            .find(|l| l.kind == kind)
            .map_or("", |l| l.phone.as_str())
    }

    /// `c` with these facts (its grids, roster and notices untouched).
    pub fn applied_to(&self, c: &Compound, now: Millis) -> Compound {
        let mut out = c.clone();
        let f = self.clone();
        (out.name, out.community, out.subdistrict) = (f.name, f.community, f.subdistrict);
        (out.built, out.households, out.mode, out.covered) =
            (f.built, f.households, f.mode, f.covered);
        (out.property_company, out.hotline) = (f.property_company, f.hotline);
        (out.community_phone, out.facilities) = (f.community_phone, f.facilities);
        if let Some(lines) = f.emergency {
            for kind in EmergencyKind::ALL {
                let phone = lines.iter().find(|l| l.kind == kind);
                out.set_emergency_line(kind, phone.map(|l| l.phone.clone()));
            }
        }
        out.updated_at = now;
        out
    }
}

/// The facts form as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FactsInput {
    pub name: String,
    pub community: String,
    pub subdistrict: String,
    pub built: String,
    pub households: String,
    pub mode: Option<ManagementMode>,
    pub covered: bool,
    pub property_company: String,
    pub hotline: String,
    pub community_phone: String,
    /// Separated by `；` (or `;`), as in the roster file.
    pub facilities: String,
    /// The gas, power and lift lines as typed, by `EmergencyKind::index`.
    pub emergency: [String; 3],
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactsError {
    Name(TextError),
    Community(TextError),
    Subdistrict(TextError),
    PropertyCompany(TextError),
    /// Not a year from 1900 to 2100.
    Built,
    /// Not a number of households from 1 to 100,000.
    Households,
    Hotline(PhoneError),
    CommunityPhone(PhoneError),
    Facilities(TextError),
    /// An emergency line that cannot be dialled.
    Emergency(EmergencyKind, PhoneError),
}

fn optional(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn number<T: std::str::FromStr + PartialOrd>(
    text: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<Option<T>, ()> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse()
            .ok()
            .filter(|n| range.contains(n))
            .map(Some)
            .ok_or(()),
    }
}

/// A number that may be left blank, written as it is shown (`0731-5555 0000`): the rule
/// for every phone number of a compound, in this form and in the roster file.
pub fn optional_phone(text: &str) -> Result<Option<String>, PhoneError> {
    match text.trim() {
        "" => Ok(None),
        t => parse_phone(t).map(|p| Some(p.display())),
    }
}

impl FactsInput {
    pub fn of(f: &Facts) -> FactsInput {
        FactsInput {
            name: f.name.clone(),
            community: f.community.clone(),
            subdistrict: f.subdistrict.clone(),
            built: f.built.map(|n| n.to_string()).unwrap_or_default(),
            households: f.households.map(|n| n.to_string()).unwrap_or_default(),
            mode: Some(f.mode),
            covered: f.covered,
            property_company: f.property_company.clone().unwrap_or_default(),
            hotline: f.hotline.clone().unwrap_or_default(),
            community_phone: f.community_phone.clone().unwrap_or_default(),
            facilities: f.facilities.join("；"),
            emergency: EmergencyKind::ALL.map(|k| f.emergency_phone(k).to_string()),
        }
    }

    /// The facts as typed, or every problem at once.
    pub fn check(&self) -> Result<Facts, Vec<FactsError>> {
        let mut errors = vec![];
        let mut text = |input: &str, required: bool, wrap: fn(TextError) -> FactsError| {
            check_text(input, NAME_MAX, required)
                .map_err(|e| errors.push(wrap(e)))
                .unwrap_or_default()
        };
        let name = text(&self.name, true, FactsError::Name);
        let community = text(&self.community, false, FactsError::Community);
        let subdistrict = text(&self.subdistrict, false, FactsError::Subdistrict);
        let company = text(&self.property_company, false, FactsError::PropertyCompany);
        let facilities: Vec<String> = self
            .facilities
            .split(['；', ';'])
            .map(|f| text(f, false, FactsError::Facilities))
            .filter(|f| !f.is_empty())
            .collect();
        let built = number(&self.built, 1900..=2100).map_err(|()| errors.push(FactsError::Built));
        let households =
            number(&self.households, 1..=100_000).map_err(|()| errors.push(FactsError::Households));
        let emergency: Vec<EmergencyLine> = EmergencyKind::ALL
            .into_iter()
            .filter_map(|kind| {
                optional_phone(&self.emergency[kind.index()])
                    .map_err(|e| errors.push(FactsError::Emergency(kind, e)))
                    .ok()
                    .flatten()
                    .map(|phone| EmergencyLine { kind, phone })
            })
            .collect();
        let hotline =
            optional_phone(&self.hotline).map_err(|e| errors.push(FactsError::Hotline(e)));
        let community_phone = optional_phone(&self.community_phone)
            .map_err(|e| errors.push(FactsError::CommunityPhone(e)));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Facts {
            name,
            community,
            subdistrict,
            built: built.unwrap_or_default(),
            households: households.unwrap_or_default(),
            mode: self.mode.unwrap_or(ManagementMode::Unmanaged),
            covered: self.covered,
            property_company: optional(company),
            hotline: hotline.unwrap_or_default(),
            community_phone: community_phone.unwrap_or_default(),
            facilities,
            emergency: Some(emergency),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::compound;

    #[test]
    fn facts_round_trip_through_the_form_and_leave_the_rest_alone() {
        let mut c = compound("dongtangcun", ManagementMode::PropertyCompany);
        c.facilities = vec!["充电桩".into(), "小广场".into()];
        let f = Facts::of(&c);
        assert_eq!(FactsInput::of(&f).check(), Ok(f.clone()));
        let mut typed = FactsInput::of(&f);
        typed.hotline = "0731-5555 1234".into();
        typed.facilities = "充电桩; 小广场；健身器材".into();
        let changed = typed.check().unwrap();
        assert_eq!(changed.facilities.len(), 3);
        let applied = changed.applied_to(&c, 9);
        assert_eq!(
            (applied.stewards.len(), applied.updated_at),
            (c.stewards.len(), 9)
        );
        assert_eq!(Facts::of(&applied), changed);
    }

    #[test]
    fn emergency_lines_are_edited_checked_and_kept_by_old_log_entries() {
        use crate::domain::compound::{EmergencyKind, EmergencyLine};
        let mut c = compound("dongtangcun", ManagementMode::PropertyCompany);
        c.emergency = vec![EmergencyLine {
            kind: EmergencyKind::Power,
            phone: "95598".into(),
        }];
        let mut typed = FactsInput::of(&Facts::of(&c));
        assert_eq!(typed.emergency, ["", "95598", ""].map(String::from));
        typed.emergency[EmergencyKind::Gas.index()] = "(0731) 5555-9001".into();
        typed.emergency[EmergencyKind::Power.index()] = " ".into();
        typed.emergency[EmergencyKind::Lift.index()] = "400-800-1234".into();
        let edited = typed.check().unwrap().applied_to(&c, 5);
        let lines: Vec<_> = edited
            .emergency
            .iter()
            .map(|l| (l.kind, l.phone.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (EmergencyKind::Gas, "0731-55559001"),
                (EmergencyKind::Lift, "400-800-1234")
            ]
        );
        // A bad number is said beside its own field, and nothing else is.
        typed.emergency[EmergencyKind::Lift.index()] = "电梯公司".into();
        typed.emergency[EmergencyKind::Power.index()] = "9559".into();
        assert_eq!(
            typed.check(),
            Err(vec![
                FactsError::Emergency(EmergencyKind::Power, PhoneError::NotANumber),
                FactsError::Emergency(EmergencyKind::Lift, PhoneError::BadCharacters),
            ])
        );
        // A change-log entry from before the lines were editable undoes without them.
        let mut old = Facts::of(&edited);
        old.emergency = None;
        assert_eq!(old.applied_to(&edited, 6).emergency, edited.emergency);
        let json = r#"{"name":"a","community":"","subdistrict":"","built":null,"households":null,"mode":"Unmanaged","covered":false,"property_company":null,"hotline":null,"community_phone":null,"facilities":[]}"#;
        let read: Facts = serde_json::from_str(json).unwrap();
        assert_eq!(read.emergency, None);
    }

    #[test]
    fn every_bad_field_is_said() {
        let typed = FactsInput {
            name: " ".into(),
            built: "1850".into(),
            households: "0".into(),
            hotline: "12x".into(),
            ..FactsInput::default()
        };
        let errors = typed.check().unwrap_err();
        assert_eq!(errors.len(), 4);
        assert!(errors.contains(&FactsError::Built) && errors.contains(&FactsError::Households));
    }
}
