//! Compounds and their tree of grids → buildings → units.

use serde::{Deserialize, Serialize};

use super::Millis;
use super::steward::Steward;

keyed_enum! {
    /// Who runs a compound day to day (docs/FACTS.md: the district's four modes, plus none).
    #[derive(Serialize, Deserialize)]
    pub enum ManagementMode {
        PropertyCompany = "property",
        CommunityManaged = "community",
        OwnerSelfGoverned = "owners",
        UnitManaged = "unit",
        Unmanaged = "none",
    }
}

impl ManagementMode {
    /// The mode's name in the district's own account (docs/FACTS.md), which its roster
    /// spreadsheets use: a roster file may name a mode by it (or by its key, as URLs and
    /// exports do). The Chinese catalogue shows this name as it is.
    pub fn title(self) -> &'static str {
        match self {
            ManagementMode::PropertyCompany => "物业管理",
            ManagementMode::CommunityManaged => "社区代管",
            ManagementMode::OwnerSelfGoverned => "业主自治",
            ManagementMode::UnitManaged => "单位代管",
            ManagementMode::Unmanaged => "无管理",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Building {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub units: Vec<Unit>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub buildings: Vec<Building>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub id: String,
    pub title: String,
    pub body: String,
    pub published_at: Millis,
    /// Shown above the others.
    #[serde(default)]
    pub pinned: bool,
    /// Not shown to residents from this moment on.
    #[serde(default)]
    pub expires_at: Option<Millis>,
}

keyed_enum! {
    /// Whose emergency line a compound keeps beside its stewards: the services that answer a
    /// gas leak, a power fault or someone stuck in a lift, for the danger screen.
    #[derive(Serialize, Deserialize)]
    pub enum EmergencyKind {
        Gas = "gas",
        Power = "power",
        Lift = "lift",
    }
}

/// One of a compound's emergency numbers (a utility's or the lift company's repair line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmergencyLine {
    pub kind: EmergencyKind,
    pub phone: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compound {
    /// Stable slug; part of every URL and QR poster, so it never changes.
    pub id: String,
    pub name: String,
    pub community: String,
    pub subdistrict: String,
    pub built: Option<u16>,
    pub households: Option<u32>,
    pub mode: ManagementMode,
    /// Whether the district counts it as covered by property management.
    pub covered: bool,
    pub property_company: Option<String>,
    pub hotline: Option<String>,
    #[serde(default)]
    pub community_phone: Option<String>,
    /// Gas, power and lift repair lines, in the roster beside the stewards.
    #[serde(default)]
    pub emergency: Vec<EmergencyLine>,
    #[serde(default)]
    pub grids: Vec<Grid>,
    #[serde(default)]
    pub stewards: Vec<Steward>,
    #[serde(default)]
    pub facilities: Vec<String>,
    #[serde(default)]
    pub notices: Vec<Notice>,
    pub updated_at: Millis,
    /// A tombstone: deleted records stay so that a later sync can see the deletion.
    #[serde(default)]
    pub deleted: bool,
    /// The roster is the generator's fictional sample, not real people: the app says so
    /// wherever names and numbers show or print, until real data replaces it.
    #[serde(default)]
    pub sample: bool,
}

impl Compound {
    /// A compound known only by its id: nothing else recorded yet.
    pub fn new(id: &str) -> Compound {
        Compound {
            id: id.into(),
            name: id.into(),
            community: String::new(),
            subdistrict: String::new(),
            built: None,
            households: None,
            mode: ManagementMode::Unmanaged,
            covered: false,
            property_company: None,
            hotline: None,
            community_phone: None,
            emergency: vec![],
            grids: vec![],
            stewards: vec![],
            facilities: vec![],
            notices: vec![],
            updated_at: 0,
            deleted: false,
            sample: false,
        }
    }

    pub fn buildings(&self) -> impl Iterator<Item = (&Grid, &Building)> {
        self.grids
            .iter()
            .flat_map(|g| g.buildings.iter().map(move |b| (g, b)))
    }

    pub fn find_building(&self, building_id: &str) -> Option<(&Grid, &Building)> {
        self.buildings().find(|(_, b)| b.id == building_id)
    }

    pub fn building_count(&self) -> usize {
        self.buildings().count()
    }

    /// The compound's line for `kind` (the first one, if a roster has several).
    pub fn emergency_line(&self, kind: EmergencyKind) -> Option<&str> {
        self.emergency
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| l.phone.as_str())
    }

    /// Sets the line for `kind` (replacing any it had; `None` removes it), keeping the
    /// lines in the order gas, power, lift.
    pub fn set_emergency_line(&mut self, kind: EmergencyKind, phone: Option<String>) {
        self.emergency.retain(|l| l.kind != kind);
        if let Some(phone) = phone {
            self.emergency.push(EmergencyLine { kind, phone });
        }
        self.emergency.sort_by_key(|l| l.kind.index());
    }
}
