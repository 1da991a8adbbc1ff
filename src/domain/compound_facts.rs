//! A compound's facts (name, community, subdistrict, built, households, management mode,
//! coverage, property company, hotline, community phone, facilities, the gas, power and
//! lift emergency lines) as a steward edits them in the app, and the rules that check
//! them: `FactsInput::check` is the one check, for the console's form and for the roster
//! import's columns alike (format/roster/import.rs fills a `FactsInput` from a row), so
//! each limit below is written once.

use serde::{Deserialize, Serialize};

use super::Millis;
use super::compound::{Compound, EmergencyKind, EmergencyLine, ManagementMode};
use super::limits::{NAME_MAX, TextError, check_text};
use super::phone::{PhoneError, parse_phone};

keyed_enum! {
    /// A field of the facts, in the form's order. Its key names the form's input
    /// (`facts-<key>`); its words are the console catalogue's `facts_label`; the roster
    /// file's column for it is `Column::of_fact` (format/roster).
    pub enum FactsField {
        Name = "name",
        Community = "community",
        Subdistrict = "subdistrict",
        Built = "built",
        Households = "households",
        Mode = "mode",
        Covered = "covered",
        PropertyCompany = "company",
        Hotline = "hotline",
        CommunityPhone = "community-phone",
        Facilities = "facilities",
        Gas = "gas",
        Power = "power",
        Lift = "lift",
    }
}

impl FactsField {
    /// The field of an emergency line.
    pub fn emergency(kind: EmergencyKind) -> FactsField {
        match kind {
            EmergencyKind::Gas => FactsField::Gas,
            EmergencyKind::Power => FactsField::Power,
            EmergencyKind::Lift => FactsField::Lift,
        }
    }
}

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

/// The facts form as typed: a text for each field typed in (`FactsField`: the facilities
/// separated by `；` or `;`, as in the roster file), and the two that are chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FactsInput {
    /// By `FactsField::index`; the mode's and coverage's stay empty.
    texts: [String; FactsField::ALL.len()],
    pub mode: Option<ManagementMode>,
    pub covered: bool,
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

/// The years a compound may have been built in.
pub const BUILT: std::ops::RangeInclusive<u16> = 1900..=2100;
/// How many households a compound may have.
pub const HOUSEHOLDS: std::ops::RangeInclusive<u32> = 1..=100_000;
/// Between facilities: written `；`, and `;` read too (a spreadsheet typed in English).
pub const FACILITY_SEPARATOR: char = '；';
const FACILITY_SEPARATORS: [char; 2] = [FACILITY_SEPARATOR, ';'];

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

impl FactsError {
    /// The field the problem is in.
    pub fn field(&self) -> FactsField {
        match self {
            FactsError::Name(_) => FactsField::Name,
            FactsError::Community(_) => FactsField::Community,
            FactsError::Subdistrict(_) => FactsField::Subdistrict,
            FactsError::PropertyCompany(_) => FactsField::PropertyCompany,
            FactsError::Built => FactsField::Built,
            FactsError::Households => FactsField::Households,
            FactsError::Hotline(_) => FactsField::Hotline,
            FactsError::CommunityPhone(_) => FactsField::CommunityPhone,
            FactsError::Facilities(_) => FactsField::Facilities,
            FactsError::Emergency(kind, _) => FactsField::emergency(*kind),
        }
    }
}

impl FactsInput {
    pub fn of(f: &Facts) -> FactsInput {
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        let mut typed = FactsInput {
            mode: Some(f.mode),
            covered: f.covered,
            ..FactsInput::default()
        };
        for field in FactsField::ALL {
            let text = match field {
                FactsField::Name => f.name.clone(),
                FactsField::Community => f.community.clone(),
                FactsField::Subdistrict => f.subdistrict.clone(),
                FactsField::Built => number(f.built.map(u32::from)),
                FactsField::Households => number(f.households),
                FactsField::PropertyCompany => f.property_company.clone().unwrap_or_default(),
                FactsField::Hotline => f.hotline.clone().unwrap_or_default(),
                FactsField::CommunityPhone => f.community_phone.clone().unwrap_or_default(),
                FactsField::Facilities => f.facilities.join(&FACILITY_SEPARATOR.to_string()),
                FactsField::Gas => f.emergency_phone(EmergencyKind::Gas).to_string(),
                FactsField::Power => f.emergency_phone(EmergencyKind::Power).to_string(),
                FactsField::Lift => f.emergency_phone(EmergencyKind::Lift).to_string(),
                FactsField::Mode | FactsField::Covered => continue,
            };
            typed.set(field, text);
        }
        typed
    }

    /// What is typed in `field`.
    pub fn text(&self, field: FactsField) -> &str {
        &self.texts[field.index()]
    }

    /// Types `text` into `field` (a chosen field, the mode or coverage, has no text).
    pub fn set(&mut self, field: FactsField, text: impl Into<String>) {
        if !matches!(field, FactsField::Mode | FactsField::Covered) {
            self.texts[field.index()] = text.into();
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
        let name = text(self.text(FactsField::Name), true, FactsError::Name);
        let community = text(
            self.text(FactsField::Community),
            false,
            FactsError::Community,
        );
        let subdistrict = text(
            self.text(FactsField::Subdistrict),
            false,
            FactsError::Subdistrict,
        );
        let company = text(
            self.text(FactsField::PropertyCompany),
            false,
            FactsError::PropertyCompany,
        );
        let facilities: Vec<String> = self
            .text(FactsField::Facilities)
            .split(FACILITY_SEPARATORS)
            .map(|f| text(f, false, FactsError::Facilities))
            .filter(|f| !f.is_empty())
            .collect();
        let built = number(self.text(FactsField::Built), BUILT)
            .map_err(|()| errors.push(FactsError::Built));
        let households = number(self.text(FactsField::Households), HOUSEHOLDS)
            .map_err(|()| errors.push(FactsError::Households));
        let emergency: Vec<EmergencyLine> = EmergencyKind::ALL
            .into_iter()
            .filter_map(|kind| {
                optional_phone(self.text(FactsField::emergency(kind)))
                    .map_err(|e| errors.push(FactsError::Emergency(kind, e)))
                    .ok()
                    .flatten()
                    .map(|phone| EmergencyLine { kind, phone })
            })
            .collect();
        let hotline = optional_phone(self.text(FactsField::Hotline))
            .map_err(|e| errors.push(FactsError::Hotline(e)));
        let community_phone = optional_phone(self.text(FactsField::CommunityPhone))
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
#[path = "compound_facts_tests.rs"]
mod tests;
