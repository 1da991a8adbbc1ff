//! The three kinds of people on a battle map, and how far each one's care reaches.

use serde::{Deserialize, Serialize};

use super::Millis;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// 红管家: Party-member volunteers, the backbone.
    Red,
    /// 物管家: staff of whoever manages the compound.
    Property,
    /// 和事佬: building head, unit head, resident representative.
    Peacemaker,
}

// `ALL` is also the order the contact card shows them in.
keyed_enum!(Role {
    Red => "red",
    Property => "property",
    Peacemaker => "peacemaker",
});

/// Where in the compound a steward serves. Narrower scopes win on the contact card.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum Scope {
    Compound,
    Grid { grid: String },
    Building { building: String },
    Unit { building: String, unit: String },
}

impl Scope {
    /// 0 = closest. Used to rank stewards for one building.
    pub fn rank(&self) -> u8 {
        match self {
            Scope::Unit { .. } => 0,
            Scope::Building { .. } => 1,
            Scope::Grid { .. } => 2,
            Scope::Compound => 3,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Steward {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// 楼栋长, 单元长, 居民代表, 党员志愿者, 客服, 保洁主管…
    pub title: String,
    pub phone: String,
    pub scope: Scope,
    #[serde(default)]
    pub duty_hours: Option<String>,
    #[serde(default)]
    pub updated_at: Millis,
}

impl Steward {
    /// The phone number as people write it (`138 0000 0001`), or nothing if it is not one.
    pub fn phone_display(&self) -> String {
        super::phone::parse_phone(&self.phone)
            .map(|n| n.display())
            .unwrap_or_default()
    }
}
