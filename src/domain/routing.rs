//! Which role a report goes to, by category and by who manages the compound.

use super::compound::{Compound, ManagementMode};
use super::contact_card::{CardEntry, contact_card};
use super::report::Category;
use super::steward::{Role, Scope, Steward};

/// The role a report goes to: its category's (`Category::handled_by`), given whether a
/// company or a work unit manages the compound.
pub fn responsible_role(category: Category, mode: ManagementMode) -> Role {
    let managed = matches!(
        mode,
        ManagementMode::PropertyCompany | ManagementMode::UnitManaged
    );
    category.handled_by(managed)
}

/// The person a report should go to: the closest steward of the responsible role for
/// the building (and unit), or of the whole compound when no building was chosen.
pub fn responsible_steward<'a>(
    compound: &'a Compound,
    building: Option<&str>,
    unit: Option<&str>,
    category: Category,
) -> Option<&'a Steward> {
    let role = responsible_role(category, compound.mode);
    if let Some(b) = building
        && let Ok(card) = contact_card(compound, b, unit)
    {
        return match card.entry(role) {
            CardEntry::Found(people) => people.first().copied(),
            CardEntry::Vacant => None,
        };
    }
    let of_role = || compound.stewards.iter().filter(|s| s.role == role);
    of_role()
        .find(|s| s.scope == Scope::Compound)
        .or_else(|| of_role().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_goes_to_the_closest_steward_of_the_right_role() {
        let mut c = crate::fixtures::mapped_compound("d", 1, 2, 2);
        let septic = responsible_steward(&c, Some("2"), Some("1"), Category::SepticTank).unwrap();
        assert_eq!(
            (septic.role, septic.title.as_str()),
            (Role::Property, "保洁主管")
        );
        let dispute =
            responsible_steward(&c, Some("2"), Some("1"), Category::NeighbourDispute).unwrap();
        assert_eq!(dispute.title, "单元长");
        assert_eq!(
            dispute.scope,
            Scope::Unit {
                building: "2".into(),
                unit: "1".into()
            }
        );
        let whole = responsible_steward(&c, None, None, Category::NeighbourDispute).unwrap();
        assert_eq!(whole.title, "居民代表");
        c.stewards.retain(|s| s.role != Role::Property);
        assert!(responsible_steward(&c, Some("1"), None, Category::Parking).is_none());
    }

    #[test]
    fn septic_tank_goes_to_the_property_steward_where_a_company_manages() {
        assert_eq!(
            responsible_role(Category::SepticTank, ManagementMode::PropertyCompany),
            Role::Property
        );
        assert_eq!(
            responsible_role(Category::SepticTank, ManagementMode::CommunityManaged),
            Role::Red
        );
        assert_eq!(
            responsible_role(Category::Parking, ManagementMode::UnitManaged),
            Role::Property
        );
    }

    #[test]
    fn a_complaint_about_the_company_never_goes_to_its_own_staff() {
        for mode in ManagementMode::ALL {
            assert_eq!(responsible_role(Category::PropertyService, mode), Role::Red);
        }
        let c = crate::fixtures::mapped_compound("d", 1, 2, 2);
        let who = responsible_steward(&c, Some("1"), None, Category::PropertyService);
        assert_eq!(who.map(|s| s.role), Some(Role::Red));
    }

    #[test]
    fn disputes_always_go_to_the_peacemaker() {
        for mode in ManagementMode::ALL {
            assert_eq!(
                responsible_role(Category::NeighbourDispute, mode),
                Role::Peacemaker
            );
            assert_eq!(responsible_role(Category::Other, mode), Role::Red);
        }
    }
}
