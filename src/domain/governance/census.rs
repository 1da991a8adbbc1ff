//! 党员摸底: the district counted its party members and where they live, compound by
//! compound, and drew the 红管家 from them; officials who live in a compound (机关党员干部)
//! are asked to take the lead and report in (报到) to their community. One record per
//! compound (`census:<compound>`): the date of the count, the members (one a line: name,
//! building, whether an official, the day they reported in), and the figures derived from
//! them (`Tally`). A correction is a new revision of the same record.
//!
//! Names are personal data: the list shows the figures only, and the shipped sample
//! carries figures and no names (`members` empty, `tally` filled).

use serde::{Deserialize, Serialize};

use super::{Checker, FieldError, Fields, Problem};
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::time::parse_date;

/// One party member living in the compound.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyMember {
    pub name: String,
    /// The building's name as the roster gives it (`1栋`).
    pub building: String,
    /// 机关党员干部: an official of a government body or public institution.
    #[serde(default)]
    pub official: bool,
    /// The day the official reported in (报到) to the community, if they did.
    #[serde(default)]
    pub reported_on: Option<String>,
}

/// How many members live in one building.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildingCount {
    pub building: String,
    pub members: u32,
}

/// The figures of a count: the distribution by building (in the roster's order, only
/// buildings with members), the officials, and of those, the ones who reported in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub by_building: Vec<BuildingCount>,
    pub officials: u32,
    pub reported: u32,
}

impl Tally {
    /// The figures of `members`, buildings in the order of `buildings` (the roster's).
    pub fn of(members: &[PartyMember], buildings: &[String]) -> Tally {
        let count = |f: &dyn Fn(&PartyMember) -> bool| {
            u32::try_from(members.iter().filter(|m| f(m)).count()).unwrap_or(u32::MAX)
        };
        Tally {
            by_building: buildings
                .iter()
                .map(|b| BuildingCount {
                    building: b.clone(),
                    members: count(&|m| &m.building == b),
                })
                .filter(|b| b.members > 0)
                .collect(),
            officials: count(&|m| m.official),
            reported: count(&|m| m.official && m.reported_on.is_some()),
        }
    }

    pub fn members(&self) -> u32 {
        self.by_building.iter().map(|b| b.members).sum()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Census {
    /// The compound's id: one record per compound.
    pub id: String,
    pub compound: String,
    /// The day of the count (`2026-10-20`).
    pub date: String,
    /// The members by name: held on this device and in `district` only, never shipped.
    #[serde(default)]
    pub members: Vec<PartyMember>,
    pub tally: Tally,
    /// An example shipped with the sample data (figures only), not a real record.
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

/// Field keys of the form (its inputs' names).
pub const COMPOUND: &str = "compound";
pub const DATE: &str = "date";
pub const MEMBERS: &str = "party_members";
/// What marks an official at the third place of a line.
pub const OFFICIAL_MARKS: [&str; 3] = ["机关", "机关党员干部", "official"];
/// The longest name, in characters.
pub const MAX_NAME: usize = 20;
/// The most members one record takes (one document stays small).
pub const MAX_MEMBERS: usize = 2000;

/// What the form reads to.
#[derive(Clone, Debug, PartialEq)]
pub struct Terms {
    pub compound: String,
    pub date: String,
    pub members: Vec<PartyMember>,
    pub tally: Tally,
}

/// The compound's buildings by name, in the roster's order.
pub fn building_names(c: &Compound) -> Vec<String> {
    c.buildings().map(|(_, b)| b.name.clone()).collect()
}

/// The roster's name of the building typed: its name (`1栋`), its id (`1`), or its
/// number with 栋 or 号楼 (`1号楼`).
fn building(c: &Compound, typed: &str) -> Option<String> {
    let typed = typed.trim();
    let bare = typed
        .strip_suffix("号楼")
        .or_else(|| typed.strip_suffix('栋'))
        .unwrap_or(typed);
    c.buildings()
        .find(|(_, b)| b.name == typed || b.id == typed || b.id == bare)
        .map(|(_, b)| b.name.clone())
}

/// One member a line: `姓名 | 楼栋`, then `| 机关` for an official, then `| 报到日期`.
fn member(c: &Compound, line: &str, today: Millis) -> Result<PartyMember, Problem> {
    let mut parts: Vec<&str> = line.split(['|', '｜']).map(str::trim).collect();
    while parts.len() > 2 && parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    let (name, typed) = match parts.as_slice() {
        [name, typed, ..] if !name.is_empty() && !typed.is_empty() && parts.len() <= 4 => {
            (*name, *typed)
        }
        _ => return Err(Problem::BadPartyLine),
    };
    if name.chars().count() > MAX_NAME {
        return Err(Problem::LongName);
    }
    let official = match parts.get(2) {
        None => false,
        Some(mark) if OFFICIAL_MARKS.contains(mark) => true,
        Some(_) => return Err(Problem::BadPartyLine),
    };
    let reported_on = match parts.get(3) {
        None => None,
        Some(date) => match parse_date(date) {
            None => return Err(Problem::BadPartyLine),
            Some(at) if at > today => return Err(Problem::ReportInFuture),
            Some(_) => Some(date.to_string()),
        },
    };
    let building = building(c, typed).ok_or(Problem::UnknownBuilding)?;
    Ok(PartyMember {
        name: name.into(),
        building,
        official,
        reported_on,
    })
}

fn members(c: &Compound, text: &str, today: Millis) -> Result<Vec<PartyMember>, Problem> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > MAX_MEMBERS {
        return Err(Problem::TooManyMembers);
    }
    let mut out: Vec<PartyMember> = Vec::with_capacity(lines.len());
    for line in lines {
        let m = member(c, line, today)?;
        if out
            .iter()
            .any(|o| o.name == m.name && o.building == m.building)
        {
            return Err(Problem::DuplicateMember);
        }
        out.push(m);
    }
    Ok(out)
}

/// Reads the form: a count every field of which is right, or each field's problem.
pub fn read(f: &Fields, compounds: &[Compound], today: Millis) -> Result<Terms, Vec<FieldError>> {
    let mut c = Checker::default();
    let id = f.get(COMPOUND);
    let compound = compounds.iter().find(|k| k.id == id && !k.deleted);
    if id.is_empty() {
        c.add(COMPOUND, Problem::Required);
    } else if compound.is_none() {
        c.add(COMPOUND, Problem::UnknownCompound);
    }
    let date = c.date(f, DATE, today);
    let typed = compound.map(|k| members(k, f.get(MEMBERS), today));
    if let Some(Err(p)) = &typed {
        c.add(MEMBERS, *p);
    }
    let terms = match (compound, date, typed) {
        (Some(k), Some(date), Some(Ok(members))) => Some(Terms {
            compound: k.id.clone(),
            date,
            tally: Tally::of(&members, &building_names(k)),
            members,
        }),
        _ => None,
    };
    c.done(terms)
}

impl Census {
    pub fn saved(terms: Terms, now: Millis) -> Census {
        Census {
            id: terms.compound.clone(),
            compound: terms.compound,
            date: terms.date,
            members: terms.members,
            tally: terms.tally,
            sample: false,
            updated_at: now,
            deleted: false,
        }
    }

    /// The form's fields as this record fills them (to correct it).
    pub fn fields(&self) -> Fields {
        let mut f = Fields::default();
        f.set(COMPOUND, &self.compound);
        f.set(DATE, &self.date);
        let lines: Vec<String> = self
            .members
            .iter()
            .map(|m| {
                let mut parts = vec![m.name.as_str(), m.building.as_str()];
                if m.official {
                    parts.push(OFFICIAL_MARKS[0]);
                    if let Some(d) = &m.reported_on {
                        parts.push(d);
                    }
                }
                parts.join(" | ")
            })
            .collect();
        f.set(MEMBERS, lines.join("\n"));
        f
    }
}

/// The census's figures over the compounds looked at: members counted, compounds counted
/// of all, officials and how many of them reported in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CensusCounts {
    pub members: u32,
    pub counted: usize,
    pub compounds: usize,
    pub officials: u32,
    pub reported: u32,
}

pub fn counts(compounds: &[Compound], census: &[Census]) -> CensusCounts {
    let mut n = CensusCounts::default();
    for c in compounds.iter().filter(|c| !c.deleted) {
        n.compounds += 1;
        if let Some(k) = census.iter().find(|k| k.compound == c.id && !k.deleted) {
            n.counted += 1;
            n.members += k.tally.members();
            n.officials += k.tally.officials;
            n.reported += k.tally.reported;
        }
    }
    n
}

/// Held records over the shipped samples.
pub fn all(shipped: Vec<Census>, held: &[Census]) -> Vec<Census> {
    super::merged(shipped, held, |k| &k.id, |k| k.deleted)
}

#[cfg(test)]
#[path = "census_tests.rs"]
mod tests;
