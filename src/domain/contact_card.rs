//! The heart of the app: for one building (and optionally one unit), the closest person
//! of each role — unit before building before grid before compound.

use super::compound::Compound;
use super::steward::{Role, Scope, Steward};

/// One row of the card: who to call for a role, or why nobody is listed.
#[derive(Clone, Debug, PartialEq)]
pub enum CardEntry<'a> {
    /// The closest steward(s) of this role; several when they share the closest level.
    Found(Vec<&'a Steward>),
    /// Nobody of this role anywhere in the compound: the card points to the hotline.
    Vacant,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContactCard<'a> {
    pub entries: Vec<(Role, CardEntry<'a>)>,
}

impl<'a> ContactCard<'a> {
    pub fn entry(&self, role: Role) -> &CardEntry<'a> {
        &self
            .entries
            .iter()
            .find(|(r, _)| *r == role)
            .expect("every role has an entry")
            .1
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardError {
    UnknownBuilding(String),
}

/// Does this steward's scope reach the given building/unit, and how closely (0 = unit)?
fn reach(scope: &Scope, grid_id: &str, building_id: &str, unit_id: Option<&str>) -> Option<u8> {
    let reaches = match scope {
        Scope::Unit { building, unit } => {
            building == building_id && unit_id.is_some_and(|u| u == unit)
        }
        Scope::Building { building } => building == building_id,
        Scope::Grid { grid } => grid == grid_id,
        Scope::Compound => true,
    };
    reaches.then(|| scope.rank())
}

/// Builds the contact card for a building of a compound.
pub fn contact_card<'a>(
    compound: &'a Compound,
    building_id: &str,
    unit_id: Option<&str>,
) -> Result<ContactCard<'a>, CardError> {
    let (grid, _) = compound
        .find_building(building_id)
        .ok_or_else(|| CardError::UnknownBuilding(building_id.to_string()))?;
    let entries = Role::ALL
        .into_iter()
        .map(|role| {
            let ranked: Vec<(u8, &Steward)> = compound
                .stewards
                .iter()
                .filter(|s| s.role == role)
                .filter_map(|s| reach(&s.scope, &grid.id, building_id, unit_id).map(|r| (r, s)))
                .collect();
            let entry = match ranked.iter().map(|(r, _)| *r).min() {
                None => CardEntry::Vacant,
                Some(best) => CardEntry::Found(
                    ranked
                        .into_iter()
                        .filter(|(r, _)| *r == best)
                        .map(|(_, s)| s)
                        .collect(),
                ),
            };
            (role, entry)
        })
        .collect();
    Ok(ContactCard { entries })
}

/// Stewards whose scope is exactly this level (for the battle map, level by level).
pub fn stewards_at<'a>(compound: &'a Compound, scope: &Scope) -> Vec<&'a Steward> {
    compound
        .stewards
        .iter()
        .filter(|s| &s.scope == scope)
        .collect()
}
