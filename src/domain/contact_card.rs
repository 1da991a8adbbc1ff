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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::{Building, Grid, ManagementMode, Unit};
    use crate::fixtures::{compound, steward};

    /// Two grids; building 1 (units 1, 2) in g1, building 2 in g2.
    fn two_grids() -> Compound {
        let unit = |id: &str| Unit {
            id: id.into(),
            name: format!("{id}单元"),
        };
        let mut c = compound("c", ManagementMode::PropertyCompany);
        c.grids = vec![
            Grid {
                id: "g1".into(),
                name: "一网格".into(),
                buildings: vec![Building {
                    id: "1".into(),
                    name: "1栋".into(),
                    units: vec![unit("1"), unit("2")],
                }],
            },
            Grid {
                id: "g2".into(),
                name: "二网格".into(),
                buildings: vec![Building {
                    id: "2".into(),
                    name: "2栋".into(),
                    units: vec![],
                }],
            },
        ];
        c
    }

    fn names(card: &ContactCard, role: Role) -> Vec<String> {
        match card.entry(role) {
            CardEntry::Found(people) => people.iter().map(|p| p.name.clone()).collect(),
            CardEntry::Vacant => vec![],
        }
    }

    #[test]
    fn closest_level_wins_unit_building_grid_compound() {
        let mut c = two_grids();
        c.stewards = vec![
            steward("compound-red", Role::Red, Scope::Compound),
            steward("g1-red", Role::Red, Scope::Grid { grid: "g1".into() }),
            steward(
                "b1-peace",
                Role::Peacemaker,
                Scope::Building {
                    building: "1".into(),
                },
            ),
            steward(
                "u2-peace",
                Role::Peacemaker,
                Scope::Unit {
                    building: "1".into(),
                    unit: "2".into(),
                },
            ),
            steward("compound-prop", Role::Property, Scope::Compound),
        ];
        let unit2 = contact_card(&c, "1", Some("2")).unwrap();
        assert_eq!(names(&unit2, Role::Red), ["g1-red"]);
        assert_eq!(names(&unit2, Role::Peacemaker), ["u2-peace"]);
        assert_eq!(names(&unit2, Role::Property), ["compound-prop"]);
        let unit1 = contact_card(&c, "1", Some("1")).unwrap();
        assert_eq!(
            names(&unit1, Role::Peacemaker),
            ["b1-peace"],
            "another unit's head is not mine"
        );
        let whole = contact_card(&c, "1", None).unwrap();
        assert_eq!(names(&whole, Role::Peacemaker), ["b1-peace"]);
        let other_grid = contact_card(&c, "2", None).unwrap();
        assert_eq!(
            names(&other_grid, Role::Red),
            ["compound-red"],
            "g1's steward does not reach g2"
        );
    }

    #[test]
    fn a_role_with_nobody_is_vacant_and_ties_show_everyone() {
        let mut c = two_grids();
        c.stewards = vec![
            steward(
                "a",
                Role::Red,
                Scope::Building {
                    building: "2".into(),
                },
            ),
            steward(
                "b",
                Role::Red,
                Scope::Building {
                    building: "2".into(),
                },
            ),
        ];
        let card = contact_card(&c, "2", None).unwrap();
        assert_eq!(names(&card, Role::Red), ["a", "b"]);
        assert_eq!(card.entry(Role::Property), &CardEntry::Vacant);
        assert_eq!(card.entry(Role::Peacemaker), &CardEntry::Vacant);
        assert_eq!(
            card.entries.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            Role::ALL
        );
    }

    #[test]
    fn unknown_building_is_an_error() {
        assert_eq!(
            contact_card(&two_grids(), "9", None),
            Err(CardError::UnknownBuilding("9".into()))
        );
    }
}
