//! The battle map's places edited in the app: grids, buildings and units added, renamed,
//! removed, and buildings moved to another grid. Removing a place widens the scope of the
//! stewards who looked after it to the place around it (so nobody silently drops off the
//! cards), and says first whom and which reports it affects.

use serde::{Deserialize, Serialize};

use super::compound::{Building, Compound, Grid, Unit};
use super::limits::{NAME_MAX, TextError, check_text};
use super::report::Report;
use super::steward::{Scope, Steward};

/// A place of the battle map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Compound,
    Grid(String),
    Building(String),
    Unit(String, String),
}

impl Place {
    pub fn scope(&self) -> Scope {
        match self.clone() {
            Place::Compound => Scope::Compound,
            Place::Grid(grid) => Scope::Grid { grid },
            Place::Building(building) => Scope::Building { building },
            Place::Unit(building, unit) => Scope::Unit { building, unit },
        }
    }

    pub fn of_scope(scope: &Scope) -> Place {
        match scope.clone() {
            Scope::Compound => Place::Compound,
            Scope::Grid { grid } => Place::Grid(grid),
            Scope::Building { building } => Place::Building(building),
            Scope::Unit { building, unit } => Place::Unit(building, unit),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceError {
    Name(TextError),
    /// Another place beside it has that name already.
    Taken,
    /// The place is not (or no longer) on the map, or cannot take that change.
    Gone,
}

/// The grids and the stewards of a compound: what a place edit changes, and what its
/// undo restores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapTree {
    pub grids: Vec<Grid>,
    pub stewards: Vec<Steward>,
}

impl MapTree {
    pub fn of(c: &Compound) -> MapTree {
        MapTree {
            grids: c.grids.clone(),
            stewards: c.stewards.clone(),
        }
    }

    pub fn applied_to(&self, c: &Compound, now: super::Millis) -> Compound {
        let mut out = c.clone();
        out.grids = self.grids.clone();
        out.stewards = self.stewards.clone();
        out.updated_at = now;
        out
    }
}

fn name(text: &str, siblings: &[&str]) -> Result<String, PlaceError> {
    let name = check_text(text, NAME_MAX, true).map_err(PlaceError::Name)?;
    if siblings.contains(&name.as_str()) {
        return Err(PlaceError::Taken);
    }
    Ok(name)
}

fn grid_mut<'a>(c: &'a mut Compound, id: &str) -> Result<&'a mut Grid, PlaceError> {
    c.grids
        .iter_mut()
        .find(|g| g.id == id)
        .ok_or(PlaceError::Gone)
}

fn building_mut<'a>(c: &'a mut Compound, id: &str) -> Result<&'a mut Building, PlaceError> {
    c.grids
        .iter_mut()
        .flat_map(|g| g.buildings.iter_mut())
        .find(|b| b.id == id)
        .ok_or(PlaceError::Gone)
}

/// `c` with a new place named `text` inside `parent` (a grid in the compound, a building
/// in a grid, a unit in a building), under the id `id`.
pub fn add_place(
    c: &Compound,
    parent: &Place,
    text: &str,
    id: String,
) -> Result<Compound, PlaceError> {
    let mut out = c.clone();
    match parent {
        Place::Compound => {
            let taken: Vec<&str> = c.grids.iter().map(|g| g.name.as_str()).collect();
            let name = name(text, &taken)?;
            out.grids.push(Grid {
                id,
                name,
                buildings: vec![],
            });
        }
        Place::Grid(g) => {
            let taken: Vec<&str> = c.buildings().map(|(_, b)| b.name.as_str()).collect();
            let name = name(text, &taken)?;
            grid_mut(&mut out, g)?.buildings.push(Building {
                id,
                name,
                units: vec![],
            });
        }
        Place::Building(b) => {
            let building = building_mut(&mut out, b)?;
            let taken: Vec<&str> = building.units.iter().map(|u| u.name.as_str()).collect();
            let name = name(text, &taken)?;
            building.units.push(Unit { id, name });
        }
        Place::Unit(..) => return Err(PlaceError::Gone),
    }
    Ok(out)
}

/// `c` with `place` called `text`.
pub fn rename_place(c: &Compound, place: &Place, text: &str) -> Result<Compound, PlaceError> {
    let mut out = c.clone();
    match place {
        Place::Compound => return Err(PlaceError::Gone),
        Place::Grid(g) => {
            let taken: Vec<&str> = c
                .grids
                .iter()
                .filter(|x| x.id != *g)
                .map(|x| x.name.as_str())
                .collect();
            let name = name(text, &taken)?;
            grid_mut(&mut out, g)?.name = name;
        }
        Place::Building(b) => {
            let taken: Vec<&str> = c
                .buildings()
                .filter(|(_, x)| x.id != *b)
                .map(|(_, x)| x.name.as_str())
                .collect();
            let name = name(text, &taken)?;
            building_mut(&mut out, b)?.name = name;
        }
        Place::Unit(b, u) => {
            let building = building_mut(&mut out, b)?;
            let taken: Vec<&str> = building
                .units
                .iter()
                .filter(|x| x.id != *u)
                .map(|x| x.name.as_str())
                .collect();
            let name = name(text, &taken)?;
            let unit = building
                .units
                .iter_mut()
                .find(|x| x.id == *u)
                .ok_or(PlaceError::Gone)?;
            unit.name = name;
        }
    }
    Ok(out)
}

/// `c` with building `b` in grid `to`.
pub fn move_building(c: &Compound, b: &str, to: &str) -> Result<Compound, PlaceError> {
    let mut out = c.clone();
    let building = c
        .find_building(b)
        .map(|(_, x)| x.clone())
        .ok_or(PlaceError::Gone)?;
    grid_mut(&mut out, to)?;
    for grid in &mut out.grids {
        grid.buildings.retain(|x| x.id != b);
    }
    grid_mut(&mut out, to)?.buildings.push(building);
    Ok(out)
}

/// Whether `scope` lies inside `place` (or is it).
fn within(c: &Compound, scope: &Scope, place: &Place) -> bool {
    match (place, scope) {
        (Place::Compound, _) => true,
        (Place::Grid(g), Scope::Grid { grid }) => grid == g,
        (Place::Grid(g), Scope::Building { building } | Scope::Unit { building, .. }) => c
            .find_building(building)
            .is_some_and(|(grid, _)| grid.id == *g),
        (Place::Building(b), Scope::Building { building } | Scope::Unit { building, .. }) => {
            building == b
        }
        (Place::Unit(b, u), Scope::Unit { building, unit }) => building == b && unit == u,
        _ => false,
    }
}

/// The place around `place`.
fn parent(c: &Compound, place: &Place) -> Place {
    match place {
        Place::Compound | Place::Grid(_) => Place::Compound,
        Place::Building(b) => c
            .find_building(b)
            .map_or(Place::Compound, |(g, _)| Place::Grid(g.id.clone())),
        Place::Unit(b, _) => Place::Building(b.clone()),
    }
}

/// Who and what removing `place` touches: the stewards whose scope widens to the place
/// around it, the reports made there (they keep their place, now unknown to the map).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Affected {
    pub stewards: Vec<String>,
    pub reports: Vec<String>,
}

pub fn affected(c: &Compound, place: &Place, reports: &[Report]) -> Affected {
    let stewards = c
        .stewards
        .iter()
        .filter(|s| within(c, &s.scope, place))
        .map(|s| s.name.clone())
        .collect();
    let reports = reports
        .iter()
        .filter(|r| r.compound == c.id && !r.deleted)
        .filter(|r| {
            let at = match (&r.building, &r.unit) {
                (Some(b), Some(u)) => Scope::Unit {
                    building: b.clone(),
                    unit: u.clone(),
                },
                (Some(b), None) => Scope::Building {
                    building: b.clone(),
                },
                _ => Scope::Compound,
            };
            at != Scope::Compound && within(c, &at, place)
        })
        .map(|r| r.id.clone())
        .collect();
    Affected { stewards, reports }
}

/// `c` without `place`; its stewards now look after the place around it.
pub fn remove_place(c: &Compound, place: &Place) -> Result<Compound, PlaceError> {
    let around = parent(c, place).scope();
    let mut out = c.clone();
    for s in out
        .stewards
        .iter_mut()
        .filter(|s| within(c, &s.scope, place))
    {
        s.scope = around.clone();
    }
    match place {
        Place::Compound => return Err(PlaceError::Gone),
        Place::Grid(g) => out.grids.retain(|x| x.id != *g),
        Place::Building(b) => {
            for grid in &mut out.grids {
                grid.buildings.retain(|x| x.id != *b);
            }
        }
        Place::Unit(b, u) => building_mut(&mut out, b)?.units.retain(|x| x.id != *u),
    }
    Ok(out)
}

#[cfg(test)]
#[path = "place_edit_tests.rs"]
mod tests;
