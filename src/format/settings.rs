//! The resident's own choices: language, elder mode, and "my building".

use serde::{Deserialize, Serialize};

use super::merge::Stamped;
use crate::domain::Millis;
use crate::domain::lang::Lang;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyBuilding {
    pub compound: String,
    pub building: String,
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub lang: Lang,
    #[serde(default)]
    pub elder_mode: bool,
    #[serde(default)]
    pub my_building: Option<MyBuilding>,
    #[serde(default)]
    pub updated_at: Millis,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            lang: Lang::Zh,
            elder_mode: false,
            my_building: None,
            updated_at: 0,
        }
    }
}

impl Stamped for Settings {
    fn updated_at(&self) -> Millis {
        self.updated_at
    }
}
