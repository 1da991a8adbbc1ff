//! Compounds, their places, notices and stewards, as serde's derives write them.

use super::{FromJson, Json, ToJson};
use crate::domain::compound::{
    Building, Compound, EmergencyKind, EmergencyLine, Grid, ManagementMode, Notice, Unit,
};
use crate::domain::lang::Lang;
use crate::domain::steward::{Role, Scope, Steward};

json_keyed_enums!(ManagementMode, EmergencyKind, Role, Lang);

json_struct!(Compound {
    id,
    name,
    community,
    subdistrict,
    built: default,
    households: default,
    mode,
    covered,
    property_company: default,
    hotline: default,
    community_phone: default,
    emergency: default,
    grids: default,
    stewards: default,
    facilities: default,
    notices: default,
    updated_at,
    deleted: default,
    sample: default,
});

json_struct!(EmergencyLine { kind, phone });

json_struct!(Grid {
    id,
    name,
    buildings: default
});

json_struct!(Building {
    id,
    name,
    units: default
});

json_struct!(Unit { id, name });

json_struct!(Notice {
    id,
    title,
    body,
    published_at,
    pinned: default,
    expires_at: default,
});

json_struct!(Steward {
    id,
    name,
    role,
    title,
    phone,
    scope,
    duty_hours: default,
    updated_at: default,
});

/// `{"level": "unit", "building": "1", "unit": "2"}`: the level, then the places it names
/// (see `Scope`).
impl FromJson for Scope {
    fn from_json(j: &Json) -> Option<Scope> {
        let place = |key| j.field_or_default::<Option<String>>(key);
        Some(match j.field::<String>("level")?.as_str() {
            "compound" => Scope::Compound,
            "grid" => Scope::Grid {
                grid: place("grid")??,
            },
            "building" => Scope::Building {
                building: place("building")??,
            },
            "unit" => Scope::Unit {
                building: place("building")??,
                unit: place("unit")??,
            },
            _ => return None,
        })
    }
}

impl ToJson for Scope {
    fn to_json(&self) -> Json {
        let text = |s: &String| s.to_json();
        match self {
            Scope::Compound => Json::object([("level", Json::String("compound".into()))]),
            Scope::Grid { grid } => {
                Json::object([("level", Json::String("grid".into())), ("grid", text(grid))])
            }
            Scope::Building { building } => Json::object([
                ("level", Json::String("building".into())),
                ("building", text(building)),
            ]),
            Scope::Unit { building, unit } => Json::object([
                ("level", Json::String("unit".into())),
                ("building", text(building)),
                ("unit", text(unit)),
            ]),
        }
    }
}
