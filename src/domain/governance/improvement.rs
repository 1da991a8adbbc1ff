//! Improvements made in a compound (桂花村: 智慧单车棚, 共享晾衣架, parking spaces, e-bike
//! charging points): the compound, what kind (another kind says what it is), how many,
//! the day it was done (not in the future) and a note. One record per improvement
//! (`improvement:<id>`); a correction is a new revision.

use serde::{Deserialize, Serialize};

use super::case::count;
use super::{Checker, FieldError, Fields, Problem};
use crate::domain::Millis;
use crate::domain::compound::Compound;

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum ImprovementKind {
        /// 智慧单车棚.
        BicycleShed = "bicycle_shed",
        /// 共享晾衣架.
        DryingRacks = "drying_racks",
        /// 停车位.
        Parking = "parking",
        /// 充电装置: e-bike charging points.
        Charging = "charging",
        /// Anything else: `description` says what.
        Other = "other",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Improvement {
    pub id: String,
    pub compound: String,
    pub kind: ImprovementKind,
    /// What it is: required for `Other`.
    #[serde(default)]
    pub description: String,
    pub quantity: u32,
    pub done_on: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

pub const COMPOUND: &str = "compound";
pub const KIND: &str = "kind";
pub const DESCRIPTION: &str = "description";
pub const QUANTITY: &str = "quantity";
pub const DONE_ON: &str = "done_on";
pub const NOTE: &str = "note";
/// The most of one thing an entry takes.
pub const MAX_QUANTITY: u32 = 100_000;

/// What the form reads to: everything but the id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
    pub compound: String,
    pub kind: ImprovementKind,
    pub description: String,
    pub quantity: u32,
    pub done_on: String,
    pub note: String,
}

pub fn read(f: &Fields, compounds: &[Compound], today: Millis) -> Result<Terms, Vec<FieldError>> {
    let mut c = Checker::default();
    let compound = match f.get(COMPOUND) {
        "" => {
            c.add(COMPOUND, Problem::Required);
            None
        }
        id if compounds.iter().any(|k| k.id == id && !k.deleted) => Some(id.to_string()),
        _ => {
            c.add(COMPOUND, Problem::UnknownCompound);
            None
        }
    };
    let kind = ImprovementKind::from_key(f.get(KIND));
    if kind.is_none() {
        c.add(KIND, Problem::Required);
    }
    let description = if kind == Some(ImprovementKind::Other) {
        c.text(f, DESCRIPTION)
    } else {
        c.optional_text(f, DESCRIPTION)
    };
    let quantity = match f.get(QUANTITY) {
        "" => {
            c.add(QUANTITY, Problem::Required);
            None
        }
        t => count(t, MAX_QUANTITY).or_else(|| {
            c.add(QUANTITY, Problem::BadCount);
            None
        }),
    };
    let done_on = c.date(f, DONE_ON, today);
    let note = c.optional_text(f, NOTE);
    let all = compound
        .zip(kind)
        .zip(description)
        .zip(quantity)
        .zip(done_on)
        .zip(note);
    c.done(all).map(
        |(((((compound, kind), description), quantity), done_on), note)| Terms {
            compound,
            kind,
            description,
            quantity,
            done_on,
            note,
        },
    )
}

impl Improvement {
    pub fn saved(held: Option<&Improvement>, t: Terms, now: Millis) -> Improvement {
        Improvement {
            id: held.map_or_else(|| format!("i{now}"), |h| h.id.clone()),
            compound: t.compound,
            kind: t.kind,
            description: t.description,
            quantity: t.quantity,
            done_on: t.done_on,
            note: t.note,
            sample: false,
            updated_at: now,
            deleted: false,
        }
    }

    pub fn fields(&self) -> Fields {
        let mut f = Fields::default();
        f.set(COMPOUND, &self.compound);
        f.set(KIND, self.kind.key());
        f.set(DESCRIPTION, &self.description);
        f.set(QUANTITY, self.quantity.to_string());
        f.set(DONE_ON, &self.done_on);
        f.set(NOTE, &self.note);
        f
    }
}

/// The figures where the office looks: improvements of each kind (in `ALL`'s order, the
/// kinds with none left out) and the compounds with at least one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImprovementCounts {
    pub by_kind: Vec<(ImprovementKind, usize)>,
    pub compounds: usize,
}

/// Counted over the improvements in `compounds` (the place looked at).
pub fn counts(all: &[Improvement], compounds: &[Compound]) -> ImprovementCounts {
    let ours: Vec<&Improvement> = all
        .iter()
        .filter(|i| !i.deleted && compounds.iter().any(|c| c.id == i.compound))
        .collect();
    let by_kind = ImprovementKind::ALL
        .iter()
        .map(|k| (*k, ours.iter().filter(|i| i.kind == *k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut improved: Vec<&str> = ours.iter().map(|i| i.compound.as_str()).collect();
    improved.sort_unstable();
    improved.dedup();
    ImprovementCounts {
        by_kind,
        compounds: improved.len(),
    }
}

/// Held records over the shipped samples.
pub fn all(shipped: Vec<Improvement>, held: &[Improvement]) -> Vec<Improvement> {
    super::merged(shipped, held, |k| &k.id, |k| k.deleted)
}

#[cfg(test)]
#[path = "improvement_tests.rs"]
mod tests;
