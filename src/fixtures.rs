//! Test fixtures shared by the native tests of every module: a bare compound, a report, a
//! steward, and (from the data generator) whole fictional battle maps.

use crate::domain::compound::{Compound, ManagementMode};
use crate::domain::report::{Category, Report};
use crate::domain::steward::{Role, Scope, Steward};

/// The sample data's battle-map generator, the very file `cargo run --example gen_data`
/// uses, so tests and the published sample agree on what a roster looks like.
#[path = "../examples/gen_data/roster.rs"]
pub mod roster;

/// A bare compound: no grids, no stewards, nothing optional filled in.
pub fn compound(id: &str, mode: ManagementMode) -> Compound {
    Compound {
        name: format!("{id}小区"),
        community: "晓塘社区".into(),
        subdistrict: "书院路街道".into(),
        mode,
        ..Compound::new(id)
    }
}

/// A compound with `grids` grids of `buildings` buildings of `units` units and a full
/// three-role roster.
pub fn mapped_compound(id: &str, grids: usize, buildings: usize, units: usize) -> Compound {
    use roster::{Layout, Rng, build_roster, build_tree};
    let mut c = compound(id, ManagementMode::PropertyCompany);
    c.grids = build_tree(&Layout {
        grids,
        buildings_per_grid: buildings,
        units_per_building: units,
    });
    c.stewards = build_roster(id, &c.grids, &mut Rng::new(3), &mut 0);
    c
}

/// A draft report in building 1.
pub fn report(compound: &str, category: Category) -> Report {
    let mut r = Report::draft("R1".into(), compound.into(), Some("1".into()), None, 0);
    r.category = category;
    r.description = "化粪池堵塞".into();
    r
}

pub fn steward(id: &str, role: Role, scope: Scope) -> Steward {
    Steward {
        id: id.into(),
        name: id.into(),
        role,
        title: String::new(),
        phone: "138 0000 0001".into(),
        scope,
        duty_hours: None,
        updated_at: 0,
    }
}
