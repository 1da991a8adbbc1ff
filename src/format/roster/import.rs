//! Reading a roster CSV into compounds, every row checked before anything is returned.
//! A compound the app already has is the starting point: the file replaces what it
//! carries (facts in its columns, the grid tree, the roster) and nothing else, so its
//! households, notices and any column left out of the file survive an import.

use std::collections::HashSet;

use super::row::{
    Row, parse_bool, parse_mode, parse_role, read_header, valid_id, valid_steward_id,
};
use super::{Column, MAX_BYTES, RosterError};
use crate::domain::Millis;
use crate::domain::compound::{Building, Compound, Grid, Unit};
use crate::domain::compound_facts::{Facts, FactsField, FactsInput};
use crate::domain::limits::{NAME_MAX, TITLE_MAX};
use crate::domain::phone::parse_phone;
use crate::domain::steward::{Role, Scope, Steward};
use crate::format::csv::parse_records;

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
    let c = existing.cloned().unwrap_or_else(|| Compound::new(id));
    // The facts go through the console form's own check (domain/compound_facts.rs), so
    // each field has one rule however it is entered; a column the file leaves out keeps
    // what the app had.
    let mut typed = FactsInput::of(&Facts::of(&c));
    for field in FactsField::ALL {
        if row.has(Column::of_fact(field)) {
            typed.set(field, row.get(Column::of_fact(field)));
        }
    }
    typed.mode = Some(parse_mode(row.get(Column::Mode)).ok_or_else(|| row.bad(Column::Mode))?);
    typed.covered = parse_bool(row.get(Column::Covered)).ok_or_else(|| row.bad(Column::Covered))?;
    let facts = typed
        .check()
        .map_err(|errors| row.bad(Column::of_fact(errors[0].field())))?;
    let mut c = facts.applied_to(&c, now);
    // The file carries the whole battle map of this compound.
    c.grids = Vec::new();
    c.stewards = Vec::new();
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

/// Where the item `is` picks is in `items`, after adding the one `make` builds if none is.
fn find_or_add<T>(
    items: &mut Vec<T>,
    is: impl Fn(&T) -> bool,
    make: impl FnOnce() -> Result<T, RosterError>,
) -> Result<usize, RosterError> {
    if let Some(i) = items.iter().position(is) {
        return Ok(i);
    }
    items.push(make()?);
    Ok(items.len() - 1)
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
    let g = find_or_add(
        &mut compound.grids,
        |g| g.id == grid,
        || {
            let name = name_of(
                row,
                Column::GridName,
                &grid,
                old_grid.map(|g| g.name.as_str()),
            )?;
            Ok(Grid {
                id: grid.clone(),
                name,
                buildings: vec![],
            })
        },
    )?;
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
    let b = find_or_add(
        buildings,
        |b| b.id == building,
        || {
            let old_name = old_building.map(|b| b.name.as_str());
            let name = name_of(row, Column::BuildingName, &building, old_name)?;
            Ok(Building {
                id: building.clone(),
                name,
                units: vec![],
            })
        },
    )?;
    if unit.is_empty() {
        return Ok(Scope::Building { building });
    }
    find_or_add(
        &mut buildings[b].units,
        |u| u.id == unit,
        || {
            let old_unit = old_building.and_then(|b| b.units.iter().find(|u| u.id == unit));
            let name = name_of(
                row,
                Column::UnitName,
                &unit,
                old_unit.map(|u| u.name.as_str()),
            )?;
            Ok(Unit {
                id: unit.clone(),
                name,
            })
        },
    )?;
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

/// A whole roster file read: the compounds it describes, how many rows it has, and every
/// row it refuses (with line and reason), for a preview before anything is written.
#[derive(Debug, PartialEq)]
pub struct Checked {
    pub compounds: Vec<Compound>,
    pub rows: usize,
    pub refused: Vec<RosterError>,
}

/// Reads a whole file against the compounds the app has now, going on past bad rows so
/// that every problem can be shown at once.
pub fn check(text: &str, existing: &[Compound], now: Millis) -> Checked {
    let refuse = |e| Checked {
        compounds: Vec::new(),
        rows: 0,
        refused: vec![e],
    };
    if text.len() > MAX_BYTES {
        return refuse(RosterError::TooLarge { bytes: text.len() });
    }
    let records = match parse_records(text) {
        Ok(r) => r,
        Err(e) => return refuse(RosterError::UnterminatedQuote { line: e.line }),
    };
    let Some((_, header)) = records.first() else {
        return refuse(RosterError::Empty);
    };
    let header = match read_header(header) {
        Ok(h) => h,
        Err(e) => return refuse(e),
    };
    let mut reader = Reader {
        existing,
        now,
        compounds: Vec::new(),
        seen: HashSet::new(),
    };
    let refused: Vec<RosterError> = records[1..]
        .iter()
        .filter_map(|(line, cells)| {
            let row = Row {
                line: *line,
                cells,
                header: &header,
            };
            reader.add(&row).err()
        })
        .collect();
    let mut checked = Checked {
        compounds: reader.compounds,
        rows: records.len() - 1,
        refused,
    };
    if checked.compounds.is_empty() && checked.refused.is_empty() {
        checked.refused.push(RosterError::Empty);
    }
    checked
}

/// Parses and checks a whole roster file. Nothing is returned unless every row is right.
pub fn import(
    text: &str,
    existing: &[Compound],
    now: Millis,
) -> Result<Vec<Compound>, RosterError> {
    let checked = check(text, existing, now);
    match checked.refused.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(checked.compounds),
    }
}

/// The compounds read so far from a file's rows.
struct Reader<'a> {
    existing: &'a [Compound],
    now: Millis,
    compounds: Vec<Compound>,
    seen: HashSet<StewardKey>,
}

impl Reader<'_> {
    /// Adds one row: its compound (from the app's copy the first time), its place in the
    /// tree, and its steward if it names one.
    fn add(&mut self, row: &Row) -> Result<(), RosterError> {
        let id = row.get(Column::CompoundId);
        let before = self.existing.iter().find(|c| c.id == id);
        let at = match self.compounds.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                self.compounds.push(compound_from(row, before, self.now)?);
                self.compounds.len() - 1
            }
        };
        let compound = &mut self.compounds[at];
        let scope = place(compound, before, row)?;
        if row.get(Column::Role).is_empty() && row.get(Column::Name).is_empty() {
            return Ok(());
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
        let steward = steward_from(row, scope, steward_id, self.now)?;
        let key = StewardKey {
            compound: id.to_string(),
            role: steward.role,
            name: steward.name.clone(),
            phone: steward.phone.clone(),
            scope: steward.scope.clone(),
        };
        if !self.seen.insert(key) {
            return Err(RosterError::DuplicateRow { line: row.line });
        }
        compound.stewards.push(steward);
        Ok(())
    }
}
