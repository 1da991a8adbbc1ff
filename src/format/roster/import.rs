//! Reading a roster CSV into compounds, every row checked before anything is returned.
//! A compound the app already has is the starting point: the file replaces what it
//! carries (facts in its columns, the grid tree, the roster) and nothing else, so its
//! households, notices and any column left out of the file survive an import.

use std::collections::HashSet;

use super::{Column, FACILITY_SEPARATOR, MAX_BYTES, REQUIRED, RosterError};
use crate::domain::Millis;
use crate::domain::compound::{Building, Compound, Grid, ManagementMode, Unit};
use crate::domain::limits::{NAME_MAX, TITLE_MAX};
use crate::domain::phone::parse_phone;
use crate::domain::steward::{Role, Scope, Steward};
use crate::format::csv::parse_records;

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

fn valid_steward_id(v: &str) -> bool {
    (1..=60).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Where each column is in the file, if it is there.
type Header = [Option<usize>; Column::ALL.len()];

/// One row, its cells looked up by column.
struct Row<'a> {
    line: usize,
    cells: &'a [String],
    header: &'a Header,
}

impl Row<'_> {
    fn has(&self, column: Column) -> bool {
        self.header[column.index()].is_some()
    }

    fn get(&self, column: Column) -> &str {
        self.header[column.index()]
            .and_then(|i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }

    fn bad(&self, column: Column) -> RosterError {
        RosterError::BadCell {
            line: self.line,
            column,
            value: self.get(column).chars().take(40).collect(),
        }
    }

    /// A text cell of at most `max` characters.
    fn text(&self, column: Column, max: usize) -> Result<String, RosterError> {
        let v = self.get(column);
        if v.chars().count() > max {
            Err(self.bad(column))
        } else {
            Ok(v.to_string())
        }
    }

    /// An optional phone number, normalised.
    fn phone(&self, column: Column) -> Result<Option<String>, RosterError> {
        match self.get(column) {
            "" => Ok(None),
            p => parse_phone(p)
                .map(|n| Some(n.display()))
                .map_err(|_| self.bad(column)),
        }
    }

    /// An optional whole number in `range`.
    fn number<T: std::str::FromStr + PartialOrd>(
        &self,
        column: Column,
        range: std::ops::RangeInclusive<T>,
    ) -> Result<Option<T>, RosterError> {
        match self.get(column) {
            "" => Ok(None),
            v => v
                .parse::<T>()
                .ok()
                .filter(|n| range.contains(n))
                .map(Some)
                .ok_or_else(|| self.bad(column)),
        }
    }
}

fn read_header(header: &[String]) -> Result<Header, RosterError> {
    let mut index: Header = [None; Column::ALL.len()];
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        let column = Column::from_key(name)
            .ok_or_else(|| RosterError::UnknownColumn(name.chars().take(40).collect()))?;
        if index[column.index()].replace(i).is_some() {
            return Err(RosterError::DuplicateColumn(column));
        }
    }
    match Column::ALL[..REQUIRED]
        .iter()
        .find(|c| index[c.index()].is_none())
    {
        Some(missing) => Err(RosterError::MissingColumn(*missing)),
        None => Ok(index),
    }
}

/// The compound as the file describes it, starting from what the app already has.
fn compound_from(
    row: &Row,
    existing: Option<&Compound>,
    now: Millis,
) -> Result<Compound, RosterError> {
    let id = row.get(Column::CompoundId);
    if !valid_id(id) {
        return Err(row.bad(Column::CompoundId));
    }
    let name = row.text(Column::CompoundName, NAME_MAX)?;
    if name.is_empty() {
        return Err(row.bad(Column::CompoundName));
    }
    let mut c = existing.cloned().unwrap_or_else(|| Compound::new(id));
    c.name = name;
    c.community = row.text(Column::Community, NAME_MAX)?;
    c.subdistrict = row.text(Column::Subdistrict, NAME_MAX)?;
    c.mode = parse_mode(row.get(Column::Mode)).ok_or_else(|| row.bad(Column::Mode))?;
    c.covered = parse_bool(row.get(Column::Covered)).ok_or_else(|| row.bad(Column::Covered))?;
    c.property_company =
        Some(row.text(Column::PropertyCompany, NAME_MAX)?).filter(|c| !c.is_empty());
    c.hotline = row.phone(Column::Hotline)?;
    if row.has(Column::Built) {
        c.built = row.number(Column::Built, 1900..=2100)?;
    }
    if row.has(Column::Households) {
        c.households = row.number(Column::Households, 1..=100_000)?;
    }
    if row.has(Column::CommunityPhone) {
        c.community_phone = row.phone(Column::CommunityPhone)?;
    }
    if row.has(Column::Facilities) {
        let cell = row.text(Column::Facilities, 20 * NAME_MAX)?;
        c.facilities = cell
            .split([FACILITY_SEPARATOR, ';'])
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(String::from)
            .collect();
    }
    // The file carries the whole battle map of this compound.
    c.grids = Vec::new();
    c.stewards = Vec::new();
    c.updated_at = now;
    c.deleted = false;
    // A roster imported from a steward's spreadsheet is the real one.
    c.sample = false;
    Ok(c)
}

/// A display name from its column, or else the name the app already had for this id,
/// or else the id itself.
fn name_of(
    row: &Row,
    column: Column,
    id: &str,
    before: Option<&str>,
) -> Result<String, RosterError> {
    let name = row.text(column, NAME_MAX)?;
    Ok(match (name.is_empty(), before) {
        (false, _) => name,
        (true, Some(b)) => b.to_string(),
        (true, None) => id.to_string(),
    })
}

/// Adds the row's grid/building/unit to the tree and returns the deepest scope it names.
/// `before` is the compound as it was, for names the file leaves out.
fn place(
    compound: &mut Compound,
    before: Option<&Compound>,
    row: &Row,
) -> Result<Scope, RosterError> {
    let (grid, building, unit) = (
        row.text(Column::Grid, NAME_MAX)?,
        row.text(Column::Building, NAME_MAX)?,
        row.text(Column::Unit, NAME_MAX)?,
    );
    if grid.is_empty() && (!building.is_empty() || !unit.is_empty())
        || building.is_empty() && !unit.is_empty()
    {
        return Err(row.bad(if grid.is_empty() {
            Column::Grid
        } else {
            Column::Building
        }));
    }
    if grid.is_empty() {
        return Ok(Scope::Compound);
    }
    let old_grid = before.and_then(|c| c.grids.iter().find(|g| g.id == grid));
    let g = match compound.grids.iter().position(|g| g.id == grid) {
        Some(i) => i,
        None => {
            let name = name_of(
                row,
                Column::GridName,
                &grid,
                old_grid.map(|g| g.name.as_str()),
            )?;
            compound.grids.push(Grid {
                id: grid.clone(),
                name,
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
        return Err(row.bad(Column::Building));
    }
    let old_building = before
        .and_then(|c| c.find_building(&building))
        .map(|(_, b)| b);
    let buildings = &mut compound.grids[g].buildings;
    let b = match buildings.iter().position(|b| b.id == building) {
        Some(i) => i,
        None => {
            let name = name_of(
                row,
                Column::BuildingName,
                &building,
                old_building.map(|b| b.name.as_str()),
            )?;
            buildings.push(Building {
                id: building.clone(),
                name,
                units: vec![],
            });
            buildings.len() - 1
        }
    };
    if unit.is_empty() {
        return Ok(Scope::Building { building });
    }
    if !buildings[b].units.iter().any(|u| u.id == unit) {
        let old_unit = old_building.and_then(|b| b.units.iter().find(|u| u.id == unit));
        let name = name_of(
            row,
            Column::UnitName,
            &unit,
            old_unit.map(|u| u.name.as_str()),
        )?;
        buildings[b].units.push(Unit {
            id: unit.clone(),
            name,
        });
    }
    Ok(Scope::Unit { building, unit })
}

fn steward_from(row: &Row, scope: Scope, id: String, now: Millis) -> Result<Steward, RosterError> {
    let role = parse_role(row.get(Column::Role)).ok_or_else(|| row.bad(Column::Role))?;
    let name = row.text(Column::Name, NAME_MAX)?;
    if name.is_empty() {
        return Err(row.bad(Column::Name));
    }
    let phone = parse_phone(row.get(Column::Phone)).map_err(|_| row.bad(Column::Phone))?;
    Ok(Steward {
        id,
        name,
        role,
        title: row.text(Column::Title, TITLE_MAX)?,
        phone: phone.display(),
        scope,
        duty_hours: Some(row.text(Column::DutyHours, TITLE_MAX)?).filter(|h| !h.is_empty()),
        updated_at: now,
    })
}

/// The same person in the same role and place twice is a mistake in the file.
#[derive(PartialEq, Eq, Hash)]
struct StewardKey {
    compound: String,
    role: Role,
    name: String,
    phone: String,
    scope: Scope,
}

/// Parses and checks a whole roster file against the compounds the app has now.
/// Nothing is returned unless every row is right.
pub fn import(
    text: &str,
    existing: &[Compound],
    now: Millis,
) -> Result<Vec<Compound>, RosterError> {
    if text.len() > MAX_BYTES {
        return Err(RosterError::TooLarge { bytes: text.len() });
    }
    let records =
        parse_records(text).map_err(|e| RosterError::UnterminatedQuote { line: e.line })?;
    let (_, header) = records.first().ok_or(RosterError::Empty)?;
    let header = read_header(header)?;
    let before = |id: &str| existing.iter().find(|c| c.id == id);
    let mut compounds: Vec<Compound> = Vec::new();
    let mut seen = HashSet::new();
    for (line, cells) in &records[1..] {
        let row = Row {
            line: *line,
            cells,
            header: &header,
        };
        let id = row.get(Column::CompoundId);
        let at = match compounds.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                compounds.push(compound_from(&row, before(id), now)?);
                compounds.len() - 1
            }
        };
        let compound = &mut compounds[at];
        let scope = place(compound, before(id), &row)?;
        if row.get(Column::Role).is_empty() && row.get(Column::Name).is_empty() {
            continue;
        }
        // Reports point at stewards by id: keep the file's ids where it has them.
        let steward_id = match row.get(Column::StewardId) {
            "" => format!("{id}-csv{}", compound.stewards.len() + 1),
            given if valid_steward_id(given) => given.to_string(),
            _ => return Err(row.bad(Column::StewardId)),
        };
        if compound.stewards.iter().any(|s| s.id == steward_id) {
            return Err(row.bad(Column::StewardId));
        }
        let steward = steward_from(&row, scope, steward_id, now)?;
        let key = StewardKey {
            compound: id.to_string(),
            role: steward.role,
            name: steward.name.clone(),
            phone: steward.phone.clone(),
            scope: steward.scope.clone(),
        };
        if !seen.insert(key) {
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
        let compounds = import(&text, &[], 7).unwrap();
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
            import(&file(&[good, good]), &[], 0),
            Err(RosterError::DuplicateRow { line: 3 })
        );
        let bad_phone = "xintang,新塘小区,,,物业管理,是,,,,,,红管家,王建国,,138;x,";
        assert!(matches!(
            import(&file(&[good, bad_phone]), &[], 0),
            Err(RosterError::BadCell {
                line: 3,
                column: Column::Phone,
                ..
            })
        ));
        let bad_id = "Xin Tang!,新塘小区,,,物业管理,是,,,,,,,,,,";
        assert!(matches!(
            import(&file(&[bad_id]), &[], 0),
            Err(RosterError::BadCell {
                column: Column::CompoundId,
                ..
            })
        ));
        let long_name = format!(
            "xintang,新塘小区,,,物业管理,是,,,,,,红管家,{},,138 0000 0001,",
            "名".repeat(41)
        );
        assert!(matches!(
            import(&file(&[&long_name]), &[], 0),
            Err(RosterError::BadCell {
                column: Column::Name,
                ..
            })
        ));
        let unit_without_building = "xintang,新塘小区,,,物业管理,是,,,g1,,3,,,,,";
        assert!(matches!(
            import(&file(&[unit_without_building]), &[], 0),
            Err(RosterError::BadCell {
                column: Column::Building,
                ..
            })
        ));
        assert_eq!(
            import("name,phone\r\n", &[], 0),
            Err(RosterError::MissingColumn(Column::CompoundId))
        );
        assert_eq!(
            import(&HEADER.replace(",duty_hours", ""), &[], 0),
            Err(RosterError::MissingColumn(Column::DutyHours))
        );
        assert_eq!(
            import(&format!("{HEADER},surprise"), &[], 0),
            Err(RosterError::UnknownColumn("surprise".into()))
        );
        assert_eq!(import(HEADER, &[], 0), Err(RosterError::Empty));
        assert_eq!(
            import(&" ".repeat(MAX_BYTES + 1), &[], 0),
            Err(RosterError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
    }

    #[test]
    fn export_then_import_gives_back_every_field_of_every_compound() {
        let mut c = crate::fixtures::mapped_compound("dongtangcun", 2, 2, 2);
        c.name = "东塘村小区".into();
        c.hotline = Some("0731-00001002".into());
        c.community_phone = Some("0731-00002002".into());
        c.built = Some(1994);
        c.households = Some(337);
        c.covered = true;
        c.property_company = Some("金地物业".into());
        c.facilities = vec!["智慧单车棚".into(), "共享晾衣架".into()];
        c.notices = vec![crate::domain::compound::Notice {
            id: "n1".into(),
            title: "化粪池清掏".into(),
            body: "周六上午".into(),
            published_at: 5,
        }];
        let empty = crate::fixtures::compound("kong", ManagementMode::Unmanaged);
        let all = [c, empty];
        let back = import(&super::super::export(&all), &all, 99).unwrap();
        assert_eq!(back.len(), 2);
        for (b, a) in back.iter().zip(&all) {
            let mut b = b.clone();
            b.updated_at = a.updated_at;
            b.stewards.iter_mut().for_each(|s| s.updated_at = 0);
            assert_eq!(&b, a);
        }
        // Without the compound at hand, what the file carries still comes back whole.
        let fresh = import(&super::super::export(&all), &[], 99).unwrap();
        assert_eq!(fresh[0].households, Some(337));
        assert_eq!(fresh[0].grids, all[0].grids);
        assert!(fresh[0].notices.is_empty(), "notices are not roster data");
    }

    #[test]
    fn a_file_without_the_optional_columns_keeps_what_the_app_had() {
        let mut before = crate::fixtures::compound("xintang", ManagementMode::PropertyCompany);
        before.households = Some(337);
        before.facilities = vec!["充电桩".into()];
        before.grids = crate::fixtures::mapped_compound("xintang", 1, 1, 1).grids;
        let text = file(&[
            "xintang,新塘小区,新塘社区,书院路街道,物业管理,是,金地物业,,g1,1,,和事佬,李秀英,楼栋长,138 0000 0002,",
        ]);
        let after = &import(&text, std::slice::from_ref(&before), 3).unwrap()[0];
        assert_eq!(after.households, Some(337));
        assert_eq!(after.facilities, before.facilities);
        assert_eq!(
            after.grids[0].name, before.grids[0].name,
            "names the file leaves out"
        );
        assert_eq!(after.stewards.len(), 1);
    }
}
