//! The three kinds of people on a battle map, and how far each one's care reaches.

use serde::{Deserialize, Serialize};

use super::Millis;

keyed_enum! {
    /// A steward's role. `ALL` is also the order the contact card shows them in.
    #[derive(Serialize, Deserialize)]
    pub enum Role {
        /// 红管家: Party-member volunteers, the backbone.
        Red = "red" @ 0,
        /// 物管家: staff of whoever manages the compound.
        Property = "property" @ 1,
        /// 和事佬: building head, unit head, resident representative.
        Peacemaker = "peacemaker" @ 2,
    }
}

impl Role {
    /// The role's title in the district's campaign (docs/FACTS.md): what its posters and
    /// its stewards' spreadsheets say, so a roster file may name a role by it. The Chinese
    /// catalogue shows this title as it is.
    pub fn title(self) -> &'static str {
        match self {
            Role::Red => "红管家",
            Role::Property => "物管家",
            Role::Peacemaker => "和事佬",
        }
    }
}

/// Where in the compound a steward serves. Narrower scopes win on the contact card.
/// Stored as `{"level": "unit", "building": "1", "unit": "2"}` through a flat struct:
/// serde's internally tagged enums buffer their input and cost the wasm ~7 KB more.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ScopeRepr", into = "ScopeRepr")]
pub enum Scope {
    Compound,
    Grid { grid: String },
    Building { building: String },
    Unit { building: String, unit: String },
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Level {
    Compound,
    Grid,
    Building,
    Unit,
}

/// `Scope` as stored: the level, then the places it names.
#[derive(Serialize, Deserialize)]
struct ScopeRepr {
    level: Level,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    building: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
}

impl TryFrom<ScopeRepr> for Scope {
    type Error = &'static str;

    fn try_from(r: ScopeRepr) -> Result<Scope, &'static str> {
        let missing = "a scope without the place its level names";
        Ok(match (r.level, r.grid, r.building, r.unit) {
            (Level::Compound, ..) => Scope::Compound,
            (Level::Grid, Some(grid), ..) => Scope::Grid { grid },
            (Level::Building, _, Some(building), _) => Scope::Building { building },
            (Level::Unit, _, Some(building), Some(unit)) => Scope::Unit { building, unit },
            _ => return Err(missing),
        })
    }
}

impl From<Scope> for ScopeRepr {
    fn from(scope: Scope) -> ScopeRepr {
        let (level, grid, building, unit) = match scope {
            Scope::Compound => (Level::Compound, None, None, None),
            Scope::Grid { grid } => (Level::Grid, Some(grid), None, None),
            Scope::Building { building } => (Level::Building, None, Some(building), None),
            Scope::Unit { building, unit } => (Level::Unit, None, Some(building), Some(unit)),
        };
        ScopeRepr {
            level,
            grid,
            building,
            unit,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::Scope;

    #[test]
    fn scopes_are_stored_as_before() {
        let cases = [
            (Scope::Compound, r#"{"level":"compound"}"#),
            (
                Scope::Grid { grid: "g1".into() },
                r#"{"level":"grid","grid":"g1"}"#,
            ),
            (
                Scope::Building {
                    building: "3".into(),
                },
                r#"{"level":"building","building":"3"}"#,
            ),
            (
                Scope::Unit {
                    building: "3".into(),
                    unit: "2".into(),
                },
                r#"{"level":"unit","building":"3","unit":"2"}"#,
            ),
        ];
        for (scope, json) in cases {
            assert_eq!(serde_json::to_string(&scope).unwrap(), json);
            assert_eq!(serde_json::from_str::<Scope>(json).unwrap(), scope);
        }
        assert!(serde_json::from_str::<Scope>(r#"{"level":"unit","building":"3"}"#).is_err());
        assert!(serde_json::from_str::<Scope>(r#"{"level":"street"}"#).is_err());
    }
}
