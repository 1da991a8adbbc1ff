//! Compounds and their tree of grids → buildings → units.

use serde::{Deserialize, Serialize};

use super::Millis;
use super::steward::Steward;

/// Who runs a compound day to day (FACTS.md: the district's four modes, plus none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ManagementMode {
    PropertyCompany,
    CommunityManaged,
    OwnerSelfGoverned,
    UnitManaged,
    Unmanaged,
}

impl ManagementMode {
    pub const ALL: [ManagementMode; 5] = [
        ManagementMode::PropertyCompany,
        ManagementMode::CommunityManaged,
        ManagementMode::OwnerSelfGoverned,
        ManagementMode::UnitManaged,
        ManagementMode::Unmanaged,
    ];

    /// Stable key for URLs and CSV (`?mode=property`).
    pub fn key(self) -> &'static str {
        match self {
            ManagementMode::PropertyCompany => "property",
            ManagementMode::CommunityManaged => "community",
            ManagementMode::OwnerSelfGoverned => "owners",
            ManagementMode::UnitManaged => "unit",
            ManagementMode::Unmanaged => "none",
        }
    }

    pub fn from_key(key: &str) -> Option<ManagementMode> {
        Self::ALL.into_iter().find(|m| m.key() == key)
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
}

impl Compound {
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
}
