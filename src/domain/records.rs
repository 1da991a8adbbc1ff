//! Stewards' logs: mediation and arrears recovered.

use serde::{Deserialize, Serialize};

use super::Millis;

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum MediationKind {
        /// 诉前调解
        PreLitigation = "pre_litigation",
        /// 口头调解
        Oral = "oral",
    }
}

/// One mediation a steward recorded (诉前调解 / 口头调解).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mediation {
    pub id: String,
    pub compound: String,
    pub kind: MediationKind,
    /// Who was in the dispute; masked in lists.
    pub parties: String,
    #[serde(default)]
    pub subject: String,
    /// Yuan involved, in fen to keep money exact.
    pub amount_fen: u64,
    pub succeeded: bool,
    pub outcome: String,
    #[serde(default)]
    pub mediator: String,
    /// The report it settled, if any.
    #[serde(default)]
    pub report: Option<String>,
    pub date: Millis,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

/// Property-fee arrears recovered (收回欠缴物业费).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArrearsRecovery {
    pub id: String,
    pub compound: String,
    #[serde(default)]
    pub households: u32,
    pub amount_fen: u64,
    pub date: Millis,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}
