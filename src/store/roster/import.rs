//! Reading a roster CSV into compounds, every row checked before anything is returned.

use std::collections::HashSet;

use super::{COLUMNS, MAX_BYTES, REQUIRED, RosterError};
use crate::domain::Millis;
use crate::domain::compound::{Building, Compound, Grid, ManagementMode, Unit};
use crate::domain::limits::{NAME_MAX, TITLE_MAX};
use crate::domain::phone::parse_phone;
use crate::domain::steward::{Role, Scope, Steward};
use crate::store::csv::parse_records;

fn parse_mode(v: &str) -> Option<ManagementMode> {
    ManagementMode::from_key(v).or(match v {
        "物业管理" => Some(ManagementMode::PropertyCompany),
        "社区代管" => Some(ManagementMode::CommunityManaged),
        "业主自治" => Some(ManagementMode::OwnerSelfGoverned),
        "单位代管" => Some(ManagementMode::UnitManaged),
        "无管理" => Some(ManagementMode::Unmanaged),
        _ => None,
    })
}

fn parse_role(v: &str) -> Option<Role> {
    Role::from_key(v).or(match v {
        "红管家" => Some(Role::Red),
        "物管家" => Some(Role::Property),
        "和事佬" => Some(Role::Peacemaker),
        _ => None,
    })
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "是" | "yes" | "true" | "1" => Some(true),
        "否" | "no" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

fn valid_id(v: &str) -> bool {
    (1..=40).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// One row, its cells looked up by column name.
struct Row<'a> {
    line: usize,
    cells: &'a [String],
    index: &'a [Option<usize>; 19],
}

impl Row<'_> {
    fn get(&self, column: &'static str) -> &str {
        let i = COLUMNS.iter().position(|c| *c == column).unwrap_or(0);
        self.index[i]
            .and_then(|i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }

    fn bad(&self, column: &'static str) -> RosterError {
        RosterError::BadCell {
            line: self.line,
            column,
            value: self.get(column).chars().take(40).collect(),
        }
    }

    /// A text cell of at most `max` characters.
    fn text(&self, column: &'static str, max: usize) -> Result<String, RosterError> {
        let v = self.get(column);
        if v.chars().count() > max {
            Err(self.bad(column))
        } else {
            Ok(v.to_string())
        }
    }
}

fn header_index(header: &[String]) -> Result<[Option<usize>; 19], RosterError> {
    for name in header {
        if !COLUMNS.contains(&name.trim()) {
            return Err(RosterError::UnknownColumn(
                name.trim().chars().take(40).collect(),
            ));
        }
    }
    let mut index = [None; 19];
    for (i, column) in COLUMNS.iter().enumerate() {
        index[i] = header.iter().position(|h| h.trim() == *column);
        if i < REQUIRED && index[i].is_none() {
            return Err(RosterError::MissingColumn(column));
        }
    }
    Ok(index)
}

fn compound_from(row: &Row, now: Millis) -> Result<Compound, RosterError> {
    let id = row.get("compound_id");
    if !valid_id(id) {
        return Err(row.bad("compound_id"));
    }
    let name = row.text("compound_name", NAME_MAX)?;
    if name.is_empty() {
        return Err(row.bad("compound_name"));
    }
    let hotline = match row.get("hotline") {
        "" => None,
        h => Some(parse_phone(h).map_err(|_| row.bad("hotline"))?.display()),
    };
    Ok(Compound {
        id: id.into(),
        name,
        community: row.text("community", NAME_MAX)?,
        subdistrict: row.text("subdistrict", NAME_MAX)?,
        built: None,
        households: None,
        mode: parse_mode(row.get("mode")).ok_or_else(|| row.bad("mode"))?,
        covered: parse_bool(row.get("covered")).ok_or_else(|| row.bad("covered"))?,
        property_company: Some(row.text("property_company", NAME_MAX)?).filter(|c| !c.is_empty()),
        hotline,
        community_phone: None,
        grids: vec![],
        stewards: vec![],
        facilities: vec![],
        notices: vec![],
        updated_at: now,
        deleted: false,
    })
}

/// Adds the row's grid/building/unit to the tree and returns the deepest scope it names.
fn place(compound: &mut Compound, row: &Row) -> Result<Scope, RosterError> {
    let (grid, building, unit) = (
        row.text("grid", NAME_MAX)?,
        row.text("building", NAME_MAX)?,
        row.text("unit", NAME_MAX)?,
    );
    let named = |column: &'static str, id: &str| -> Result<String, RosterError> {
        let name = row.text(column, NAME_MAX)?;
        Ok(if name.is_empty() {
            id.to_string()
        } else {
            name
        })
    };
    if grid.is_empty() && (!building.is_empty() || !unit.is_empty())
        || building.is_empty() && !unit.is_empty()
    {
        return Err(row.bad(if grid.is_empty() { "grid" } else { "building" }));
    }
    if grid.is_empty() {
        return Ok(Scope::Compound);
    }
    let g = match compound.grids.iter().position(|g| g.id == grid) {
        Some(i) => i,
        None => {
            compound.grids.push(Grid {
                id: grid.clone(),
                name: named("grid_name", &grid)?,
                buildings: vec![],
            });
            compound.grids.len() - 1
        }
    };
    if building.is_empty() {
        return Ok(Scope::Grid { grid });
    }
    if compound
        .find_building(&building)
        .is_some_and(|(other, _)| other.id != grid)
    {
        return Err(row.bad("building"));
    }
    let buildings = &mut compound.grids[g].buildings;
    let b = match buildings.iter().position(|b| b.id == building) {
        Some(i) => i,
        None => {
            buildings.push(Building {
                id: building.clone(),
                name: named("building_name", &building)?,
                units: vec![],
            });
            buildings.len() - 1
        }
    };
    if unit.is_empty() {
        return Ok(Scope::Building { building });
    }
    if !buildings[b].units.iter().any(|u| u.id == unit) {
        buildings[b].units.push(Unit {
            id: unit.clone(),
            name: named("unit_name", &unit)?,
        });
    }
    Ok(Scope::Unit { building, unit })
}

fn steward_from(row: &Row, scope: Scope, id: String, now: Millis) -> Result<Steward, RosterError> {
    let role = parse_role(row.get("role")).ok_or_else(|| row.bad("role"))?;
    let name = row.text("name", NAME_MAX)?;
    if name.is_empty() {
        return Err(row.bad("name"));
    }
    let phone = parse_phone(row.get("phone")).map_err(|_| row.bad("phone"))?;
    Ok(Steward {
        id,
        name,
        role,
        title: row.text("title", TITLE_MAX)?,
        phone: phone.display(),
        scope,
        duty_hours: Some(row.text("duty_hours", TITLE_MAX)?).filter(|h| !h.is_empty()),
        updated_at: now,
    })
}

/// Parses and checks a whole roster file. Nothing is returned unless every row is right.
pub fn import(text: &str, now: Millis) -> Result<Vec<Compound>, RosterError> {
    if text.len() > MAX_BYTES {
        return Err(RosterError::TooLarge { bytes: text.len() });
    }
    let records =
        parse_records(text).map_err(|e| RosterError::UnterminatedQuote { line: e.line })?;
    let (_, header) = records.first().ok_or(RosterError::Empty)?;
    let index = header_index(header)?;
    let mut compounds: Vec<Compound> = Vec::new();
    let mut seen = HashSet::new();
    for (line, cells) in &records[1..] {
        let row = Row {
            line: *line,
            cells,
            index: &index,
        };
        let id = row.get("compound_id");
        let at = match compounds.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                compounds.push(compound_from(&row, now)?);
                compounds.len() - 1
            }
        };
        let compound = &mut compounds[at];
        let scope = place(compound, &row)?;
        if row.get("role").is_empty() && row.get("name").is_empty() {
            continue;
        }
        let steward = steward_from(
            &row,
            scope,
            format!("{id}-csv{}", compound.stewards.len() + 1),
            now,
        )?;
        if !seen.insert((
            id.to_string(),
            steward.role,
            steward.name.clone(),
            steward.phone.clone(),
            format!("{:?}", steward.scope),
        )) {
            return Err(RosterError::DuplicateRow { line: *line });
        }
        compound.stewards.push(steward);
    }
    if compounds.is_empty() {
        Err(RosterError::Empty)
    } else {
        Ok(compounds)
    }
}

/// The compounds as a roster CSV in the same columns `import` reads.
#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "compound_id,compound_name,community,subdistrict,mode,covered,property_company,hotline,grid,building,unit,role,name,title,phone,duty_hours";

    fn file(rows: &[&str]) -> String {
        std::iter::once(HEADER)
            .chain(rows.iter().copied())
            .collect::<Vec<_>>()
            .join("\r\n")
    }

    #[test]
    fn imports_a_roster_into_compounds_with_scopes() {
        let text = file(&[
            "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,0731-0000 1001,,,,红管家,王建国,党支部书记,138 0000 0001,",
            "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,0731-0000 1001,g1,1,2,和事佬,李秀英,单元长,+86 138-0000-0002,晚上",
            "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,0731-0000 1001,g1,2,,,,,,",
        ]);
        let compounds = import(&text, 7).unwrap();
        assert_eq!(compounds.len(), 1);
        let c = &compounds[0];
        assert_eq!(
            (c.mode, c.covered, c.building_count()),
            (ManagementMode::PropertyCompany, true, 2)
        );
        assert_eq!(c.stewards.len(), 2);
        assert_eq!(
            c.stewards[1].scope,
            Scope::Unit {
                building: "1".into(),
                unit: "2".into()
            }
        );
        assert_eq!(c.stewards[1].phone, "138 0000 0002");
        assert_eq!(c.updated_at, 7);
    }

    #[test]
    fn rejects_bad_files_whole_with_the_line() {
        let good = "xintang,新塘小区,,,物业管理,是,,,,,,红管家,王建国,,138 0000 0001,";
        assert_eq!(
            import(&file(&[good, good]), 0),
            Err(RosterError::DuplicateRow { line: 3 })
        );
        let bad_phone = "xintang,新塘小区,,,物业管理,是,,,,,,红管家,王建国,,138;x,";
        assert!(matches!(
            import(&file(&[good, bad_phone]), 0),
            Err(RosterError::BadCell {
                line: 3,
                column: "phone",
                ..
            })
        ));
        let bad_id = "Xin Tang!,新塘小区,,,物业管理,是,,,,,,,,,,";
        assert!(matches!(
            import(&file(&[bad_id]), 0),
            Err(RosterError::BadCell {
                column: "compound_id",
                ..
            })
        ));
        let long_name = format!(
            "xintang,新塘小区,,,物业管理,是,,,,,,红管家,{},,138 0000 0001,",
            "名".repeat(41)
        );
        assert!(matches!(
            import(&file(&[&long_name]), 0),
            Err(RosterError::BadCell { column: "name", .. })
        ));
        let unit_without_building = "xintang,新塘小区,,,物业管理,是,,,g1,,3,,,,,";
        assert!(matches!(
            import(&file(&[unit_without_building]), 0),
            Err(RosterError::BadCell {
                column: "building",
                ..
            })
        ));
        assert_eq!(
            import("name,phone\r\n", 0),
            Err(RosterError::MissingColumn("compound_id"))
        );
        assert_eq!(
            import(&HEADER.replace(",duty_hours", ""), 0),
            Err(RosterError::MissingColumn("duty_hours"))
        );
        assert_eq!(
            import(&format!("{HEADER},surprise"), 0),
            Err(RosterError::UnknownColumn("surprise".into()))
        );
        assert_eq!(import(HEADER, 0), Err(RosterError::Empty));
        assert_eq!(
            import(&" ".repeat(MAX_BYTES + 1), 0),
            Err(RosterError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
    }

    #[test]
    fn export_then_import_gives_the_same_battle_map() {
        use crate::domain::scale::{Layout, Rng, build_roster, build_tree};
        let mut c =
            crate::domain::dataset::tests::compound("dongtangcun", ManagementMode::PropertyCompany);
        c.name = "东塘村小区".into();
        c.hotline = Some("0731-00001002".into());
        c.grids = build_tree(&Layout {
            grids: 2,
            buildings_per_grid: 2,
            units_per_building: 2,
        });
        c.stewards = build_roster("dongtangcun", &c.grids, &mut Rng::new(9), &mut 0);
        let back = import(&super::super::export(std::slice::from_ref(&c)), 0).unwrap();
        assert_eq!(back[0].grids, c.grids);
        assert_eq!(back[0].stewards.len(), c.stewards.len());
        for (a, b) in back[0].stewards.iter().zip(&c.stewards) {
            assert_eq!(
                (&a.name, a.role, &a.scope, &a.title),
                (&b.name, b.role, &b.scope, &b.title)
            );
        }
    }
}
