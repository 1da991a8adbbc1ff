//! A steward's edits of the roster in the app: one steward added, changed or removed,
//! checked as the CSV import checks a row, and recorded as a change (who, when, before →
//! after). Undoing a change applies its opposite to the compound as it is now, so a
//! notice posted since is not taken back with it.

use serde::{Deserialize, Serialize};

use super::Millis;
use super::compound::Compound;
use super::compound_facts::Facts;
use super::limits::{NAME_MAX, TITLE_MAX, TextError, check_text};
use super::phone::{PhoneError, parse_phone};
use super::place_edit::MapTree;
use super::steward::{Role, Scope, Steward};

/// The steward form as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StewardInput {
    pub name: String,
    pub role: Option<Role>,
    pub title: String,
    pub phone: String,
    /// A `scope_key` of one of `scope_options`.
    pub scope: String,
    pub duty_hours: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StewardError {
    Name(TextError),
    Title(TextError),
    Phone(PhoneError),
    DutyHours(TextError),
    /// The grid, building or unit is not (or no longer) in the compound.
    Scope,
}

/// A scope as a form value: `compound`, `grid:<id>`, `building:<id>`, `unit:<b>:<u>`.
pub fn scope_key(scope: &Scope) -> String {
    match scope {
        Scope::Compound => "compound".into(),
        Scope::Grid { grid } => format!("grid:{grid}"),
        Scope::Building { building } => format!("building:{building}"),
        Scope::Unit { building, unit } => format!("unit:{building}:{unit}"),
    }
}

/// Every scope a steward of `c` can have, with its name ("东塘村小区", "3栋 2单元").
pub fn scope_options(c: &Compound) -> Vec<(Scope, String)> {
    let mut out = vec![(Scope::Compound, c.name.clone())];
    for grid in &c.grids {
        out.push((
            Scope::Grid {
                grid: grid.id.clone(),
            },
            grid.name.clone(),
        ));
        for b in &grid.buildings {
            out.push((
                Scope::Building {
                    building: b.id.clone(),
                },
                b.name.clone(),
            ));
            for u in &b.units {
                let unit = Scope::Unit {
                    building: b.id.clone(),
                    unit: u.id.clone(),
                };
                out.push((unit, format!("{} {}", b.name, u.name)));
            }
        }
    }
    out
}

impl StewardInput {
    pub fn of(s: &Steward) -> StewardInput {
        StewardInput {
            name: s.name.clone(),
            role: Some(s.role),
            title: s.title.clone(),
            phone: s.phone.clone(),
            scope: scope_key(&s.scope),
            duty_hours: s.duty_hours.clone().unwrap_or_default(),
        }
    }

    /// The steward `id` of `c` as typed, or every problem at once.
    pub fn check(
        &self,
        c: &Compound,
        id: String,
        now: Millis,
    ) -> Result<Steward, Vec<StewardError>> {
        let mut errors = vec![];
        let mut field = |r: Result<String, TextError>, wrap: fn(TextError) -> StewardError| {
            r.map_err(|e| errors.push(wrap(e))).unwrap_or_default()
        };
        let name = field(check_text(&self.name, NAME_MAX, true), StewardError::Name);
        let title = field(
            check_text(&self.title, TITLE_MAX, false),
            StewardError::Title,
        );
        let duty = field(
            check_text(&self.duty_hours, TITLE_MAX, false),
            StewardError::DutyHours,
        );
        let phone = match parse_phone(&self.phone) {
            Ok(p) => p.display(),
            Err(e) => {
                errors.push(StewardError::Phone(e));
                String::new()
            }
        };
        let scope = scope_options(c)
            .into_iter()
            .map(|(s, _)| s)
            .find(|s| scope_key(s) == self.scope);
        if scope.is_none() {
            errors.push(StewardError::Scope);
        }
        match (errors.is_empty(), scope) {
            (true, Some(scope)) => Ok(Steward {
                id,
                name,
                role: self.role.unwrap_or(Role::Peacemaker),
                title,
                phone,
                scope,
                duty_hours: (!duty.is_empty()).then_some(duty),
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

keyed_enum! {
    /// What was done to the roster.
    #[derive(Serialize, Deserialize)]
    pub enum ChangeKind {
        StewardAdded = "added",
        StewardEdited = "edited",
        StewardRemoved = "removed",
        /// The change before it was taken back.
        Undone = "undone",
        /// The compound's facts (name, mode, hotline…).
        FactsEdited = "facts",
        /// Grids, buildings or units added, renamed, moved or removed.
        PlacesEdited = "places",
    }
}

/// One change of a compound's roster, as the change log keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RosterChange {
    pub id: String,
    pub compound: String,
    pub kind: ChangeKind,
    /// Who made it (the steward profile's name and role), as they called themselves.
    pub by: String,
    pub at: Millis,
    pub before: Option<Steward>,
    pub after: Option<Steward>,
    /// For a change of the facts: them before and after.
    #[serde(default)]
    pub facts_before: Option<Facts>,
    #[serde(default)]
    pub facts_after: Option<Facts>,
    /// For a change of places: the grids and stewards before and after, and what was
    /// done in words ("删除 3栋").
    #[serde(default)]
    pub tree_before: Option<MapTree>,
    #[serde(default)]
    pub tree_after: Option<MapTree>,
    #[serde(default)]
    pub note: String,
    /// Taken back since.
    #[serde(default)]
    pub undone: bool,
    pub updated_at: Millis,
}

/// `c` with `s` added, or put in place of the steward with its id.
pub fn with_steward(c: &Compound, s: Steward, now: Millis) -> Compound {
    let mut out = c.clone();
    match out.stewards.iter_mut().find(|x| x.id == s.id) {
        Some(old) => *old = s,
        None => out.stewards.push(s),
    }
    out.updated_at = now;
    out.sample = false;
    out
}

/// `c` without the steward `id`.
pub fn without_steward(c: &Compound, id: &str, now: Millis) -> Compound {
    let mut out = c.clone();
    out.stewards.retain(|s| s.id != id);
    out.updated_at = now;
    out
}

impl RosterChange {
    /// A change of `kind` to `compound`, by `by` at `at`; what changed is filled in after.
    pub fn new(compound: &str, kind: ChangeKind, by: String, at: Millis) -> RosterChange {
        RosterChange {
            id: format!("{compound}-c{at}"),
            compound: compound.into(),
            kind,
            by,
            at,
            before: None,
            after: None,
            facts_before: None,
            facts_after: None,
            tree_before: None,
            tree_after: None,
            note: String::new(),
            undone: false,
            updated_at: at,
        }
    }

    /// The change that takes this one back, recorded as such.
    pub fn reversed(&self, by: String, at: Millis) -> RosterChange {
        RosterChange {
            before: self.after.clone(),
            after: self.before.clone(),
            facts_before: self.facts_after.clone(),
            facts_after: self.facts_before.clone(),
            tree_before: self.tree_after.clone(),
            tree_after: self.tree_before.clone(),
            note: self.note.clone(),
            ..RosterChange::new(&self.compound, ChangeKind::Undone, by, at)
        }
    }

    /// `c` with this change taken back: the steward (or the facts) as before, or the
    /// steward gone if added here.
    pub fn undo(&self, c: &Compound, now: Millis) -> Compound {
        if let Some(facts) = &self.facts_before {
            return facts.applied_to(c, now);
        }
        if let Some(tree) = &self.tree_before {
            return tree.applied_to(c, now);
        }
        match (&self.before, &self.after) {
            (Some(before), _) => with_steward(c, before.clone(), now),
            (None, Some(after)) => without_steward(c, &after.id, now),
            (None, None) => c.clone(),
        }
    }
}

/// The last change of `compound` that can still be undone.
pub fn last_undoable<'a>(log: &'a [RosterChange], compound: &str) -> Option<&'a RosterChange> {
    log.iter()
        .filter(|c| c.compound == compound && !c.undone && c.kind != ChangeKind::Undone)
        .max_by_key(|c| c.at)
}

#[cfg(test)]
#[path = "roster_edit_tests.rs"]
mod tests;
