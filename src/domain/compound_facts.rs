//! A compound's facts (name, community, subdistrict, built, households, management mode,
//! coverage, property company, hotline, community phone, facilities) as a steward edits
//! them in the app — checked by the same rules as the roster import.

use serde::{Deserialize, Serialize};

use super::Millis;
use super::compound::{Compound, ManagementMode};
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
        }
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

fn phone(text: &str) -> Result<Option<String>, PhoneError> {
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
        let hotline = phone(&self.hotline).map_err(|e| errors.push(FactsError::Hotline(e)));
        let community_phone =
            phone(&self.community_phone).map_err(|e| errors.push(FactsError::CommunityPhone(e)));
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
