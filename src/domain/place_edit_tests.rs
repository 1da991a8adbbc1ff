use super::*;
use crate::domain::report::Category;
use crate::fixtures::{mapped_compound, report};

#[test]
fn places_are_added_renamed_and_moved_with_names_checked() {
    let c = mapped_compound("dongtangcun", 2, 2, 1);
    let grid = c.grids[0].id.clone();
    let added = add_place(&c, &Place::Grid(grid.clone()), "新楼", "b-new".into()).unwrap();
    assert!(added.find_building("b-new").is_some());
    let taken = c.grids[0].buildings[0].name.clone();
    assert_eq!(
        add_place(&c, &Place::Grid(grid.clone()), &taken, "x".into()),
        Err(PlaceError::Taken)
    );
    assert!(matches!(
        add_place(&c, &Place::Compound, "  ", "g".into()),
        Err(PlaceError::Name(_))
    ));
    let renamed = rename_place(&added, &Place::Building("b-new".into()), "9栋").unwrap();
    assert_eq!(renamed.find_building("b-new").unwrap().1.name, "9栋");
    let other = c.grids[1].id.clone();
    let moved = move_building(&renamed, "b-new", &other).unwrap();
    assert_eq!(moved.find_building("b-new").unwrap().0.id, other);
    assert_eq!(moved.building_count(), renamed.building_count());
    assert_eq!(move_building(&c, "b-new", &other), Err(PlaceError::Gone));
}

#[test]
fn removing_a_building_says_who_and_what_and_widens_its_stewards() {
    let c = mapped_compound("dongtangcun", 1, 2, 2);
    let (grid, building) = (c.grids[0].id.clone(), c.grids[0].buildings[0].id.clone());
    let place = Place::Building(building.clone());
    let mut r = report("dongtangcun", Category::Other);
    r.building = Some(building.clone());
    let elsewhere = report("elsewhere", Category::Other);
    let touched = affected(&c, &place, &[r.clone(), elsewhere]);
    let scoped: Vec<String> = c
        .stewards
        .iter()
        .filter(|s| within(&c, &s.scope, &place))
        .map(|s| s.name.clone())
        .collect();
    assert!(
        !scoped.is_empty(),
        "the fixture has stewards in the building"
    );
    assert_eq!(touched.stewards, scoped);
    assert_eq!(touched.reports, vec![r.id.clone()]);
    let gone = remove_place(&c, &place).unwrap();
    assert!(gone.find_building(&building).is_none());
    assert_eq!(gone.stewards.len(), c.stewards.len(), "nobody is dropped");
    assert!(
        gone.stewards
            .iter()
            .all(|s| !within(&gone, &s.scope, &place)
                || s.scope == Scope::Grid { grid: grid.clone() })
    );
    let tree = MapTree::of(&c);
    assert_eq!(
        tree.applied_to(&gone, 3).grids,
        c.grids,
        "a tree snapshot undoes it"
    );
}
