//! The languages the app speaks. A domain value because settings store it and share
//! texts are written in it; the words themselves live in `i18n`.

use serde::{Deserialize, Serialize};

keyed_enum! {
    #[derive(Default, Serialize, Deserialize)]
    pub enum Lang {
        #[default]
        Zh = "zh",
        En = "en",
    }
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}
