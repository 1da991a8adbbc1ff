//! Writing compounds as a roster CSV in the columns `import` reads.

use super::COLUMNS;
use crate::domain::compound::Compound;
use crate::domain::steward::Scope;
use crate::store::csv::cell;

pub fn export(compounds: &[Compound]) -> String {
    let mut lines = vec![COLUMNS.join(",")];
    for c in compounds.iter().filter(|c| !c.deleted) {
        let facts = [
            c.id.clone(),
            c.name.clone(),
            c.community.clone(),
            c.subdistrict.clone(),
            c.mode.key().into(),
            if c.covered { "yes" } else { "no" }.into(),
            c.property_company.clone().unwrap_or_default(),
            c.hotline.clone().unwrap_or_default(),
        ];
        let names = |place: &[String; 3]| -> [String; 3] {
            let grid = c.grids.iter().find(|g| g.id == place[0]);
            let building = grid.and_then(|g| g.buildings.iter().find(|b| b.id == place[1]));
            let unit = building.and_then(|b| b.units.iter().find(|u| u.id == place[2]));
            [
                grid.map(|g| g.name.clone()).unwrap_or_default(),
                building.map(|b| b.name.clone()).unwrap_or_default(),
                unit.map(|u| u.name.clone()).unwrap_or_default(),
            ]
        };
        let mut push = |place: [String; 3], person: [String; 5]| {
            let shown = names(&place);
            let cells: Vec<String> = facts
                .iter()
                .cloned()
                .chain(place)
                .chain(person)
                .chain(shown)
                .map(|v| cell(&v))
                .collect();
            lines.push(cells.join(","));
        };
        // The tree first (so empty buildings and units survive), then the people.
        for g in &c.grids {
            for b in &g.buildings {
                push(
                    [g.id.clone(), b.id.clone(), String::new()],
                    Default::default(),
                );
                for u in &b.units {
                    push(
                        [g.id.clone(), b.id.clone(), u.id.clone()],
                        Default::default(),
                    );
                }
            }
        }
        for s in &c.stewards {
            let grid_of = |b: &str| {
                c.find_building(b)
                    .map(|(g, _)| g.id.clone())
                    .unwrap_or_default()
            };
            let place = match &s.scope {
                Scope::Compound => Default::default(),
                Scope::Grid { grid } => [grid.clone(), String::new(), String::new()],
                Scope::Building { building } => {
                    [grid_of(building), building.clone(), String::new()]
                }
                Scope::Unit { building, unit } => {
                    [grid_of(building), building.clone(), unit.clone()]
                }
            };
            push(
                place,
                [
                    s.role.key().into(),
                    s.name.clone(),
                    s.title.clone(),
                    s.phone.clone(),
                    s.duty_hours.clone().unwrap_or_default(),
                ],
            );
        }
    }
    format!("\u{FEFF}{}\r\n", lines.join("\r\n"))
}
