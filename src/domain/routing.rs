//! Which role a report goes to, by category and by who manages the compound.

use super::compound::ManagementMode;
use super::report::Category;
use super::steward::Role;

/// Disputes go to the peacemaker everywhere. Upkeep goes to the property steward where a
/// company or work unit manages the compound; elsewhere nobody is paid for it, so the red
/// steward (the backbone) takes it on.
pub fn responsible_role(category: Category, mode: ManagementMode) -> Role {
    let managed = matches!(
        mode,
        ManagementMode::PropertyCompany | ManagementMode::UnitManaged
    );
    match category {
        Category::NeighbourDispute => Role::Peacemaker,
        Category::Other => Role::Red,
        Category::Sanitation
        | Category::Parking
        | Category::Drainage
        | Category::SepticTank
        | Category::Facilities
        | Category::Safety
        | Category::PropertyFee => {
            if managed {
                Role::Property
            } else {
                Role::Red
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
