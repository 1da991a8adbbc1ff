//! Writing compounds as a roster CSV in every column `import` reads, so that an export
//! imported again gives the same compounds.

use super::{Column, FACILITY_SEPARATOR};
use crate::domain::compound::{Compound, EmergencyKind};
use crate::domain::steward::{Scope, Steward};
use crate::format::csv::cell;

/// One line of the file, its cells set by column.
struct Line([String; Column::ALL.len()]);

impl Line {
    /// A line with the compound's facts, which every line repeats.
    fn of(c: &Compound) -> Line {
        let mut line = Line(Default::default());
        line.set(Column::CompoundId, &c.id)
            .set(Column::CompoundName, &c.name)
            .set(Column::Community, &c.community)
            .set(Column::Subdistrict, &c.subdistrict)
            .set(Column::Mode, c.mode.key())
            .set(Column::Covered, if c.covered { "yes" } else { "no" })
            .set(Column::PropertyCompany, opt(&c.property_company))
            .set(Column::Hotline, opt(&c.hotline))
            .set(
                Column::Built,
                &c.built.map(|b| b.to_string()).unwrap_or_default(),
            )
            .set(
                Column::Households,
                &c.households.map(|h| h.to_string()).unwrap_or_default(),
            )
            .set(Column::CommunityPhone, opt(&c.community_phone))
            .set(
                Column::Facilities,
                &c.facilities.join(&FACILITY_SEPARATOR.to_string()),
            );
        for kind in EmergencyKind::ALL {
            line.set(
                Column::emergency(kind),
                c.emergency_line(kind).unwrap_or(""),
            );
        }
        line
    }

    fn set(&mut self, column: Column, value: &str) -> &mut Line {
        self.0[column.index()] = value.to_string();
        self
    }

    /// The grid, building and unit (ids and names) a line is about.
    fn at(&mut self, c: &Compound, grid: &str, building: &str, unit: &str) -> &mut Line {
        let g = c.grids.iter().find(|g| g.id == grid);
        let b = g.and_then(|g| g.buildings.iter().find(|b| b.id == building));
        let u = b.and_then(|b| b.units.iter().find(|u| u.id == unit));
        self.set(Column::Grid, grid)
            .set(Column::Building, building)
            .set(Column::Unit, unit)
            .set(Column::GridName, g.map_or("", |g| g.name.as_str()))
            .set(Column::BuildingName, b.map_or("", |b| b.name.as_str()))
            .set(Column::UnitName, u.map_or("", |u| u.name.as_str()))
    }

    fn person(&mut self, s: &Steward) -> &mut Line {
        self.set(Column::StewardId, &s.id)
            .set(Column::Role, s.role.key())
            .set(Column::Name, &s.name)
            .set(Column::Title, &s.title)
            .set(Column::Phone, &s.phone)
            .set(Column::DutyHours, opt(&s.duty_hours))
    }

    fn to_csv(&self) -> String {
        self.0.iter().map(|v| cell(v)).collect::<Vec<_>>().join(",")
    }
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or_default()
}

/// The lines of one compound: the tree first (so empty buildings and units survive),
/// then the people.
fn compound_lines(c: &Compound) -> Vec<String> {
    let mut lines = Vec::new();
    for g in &c.grids {
        lines.push(Line::of(c).at(c, &g.id, "", "").to_csv());
        for b in &g.buildings {
            lines.push(Line::of(c).at(c, &g.id, &b.id, "").to_csv());
            for u in &b.units {
                lines.push(Line::of(c).at(c, &g.id, &b.id, &u.id).to_csv());
            }
        }
    }
    if c.grids.is_empty() && c.stewards.is_empty() {
        lines.push(Line::of(c).to_csv());
    }
    let grid_of = |b: &str| {
        c.find_building(b)
            .map(|(g, _)| g.id.as_str())
            .unwrap_or_default()
    };
    for s in &c.stewards {
        let mut line = Line::of(c);
        match &s.scope {
            Scope::Compound => &mut line,
            Scope::Grid { grid } => line.at(c, grid, "", ""),
            Scope::Building { building } => line.at(c, grid_of(building), building, ""),
            Scope::Unit { building, unit } => line.at(c, grid_of(building), building, unit),
        };
        lines.push(line.person(s).to_csv());
    }
    lines
}

pub fn export(compounds: &[Compound]) -> String {
    let header = Column::ALL.map(Column::key).join(",");
    let lines: Vec<String> = std::iter::once(header)
        .chain(
            compounds
                .iter()
                .filter(|c| !c.deleted)
                .flat_map(compound_lines),
        )
        .collect();
    format!("\u{FEFF}{}\r\n", lines.join("\r\n"))
}
