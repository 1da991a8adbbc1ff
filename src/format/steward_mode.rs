//! What steward mode keeps on the phone (`cs.steward`): the PIN as a salted PBKDF2 hash,
//! the wrong-try lockout, and the steward's profile. "Forgot PIN" removes this record
//! and nothing else.

use serde::{Deserialize, Serialize};

use super::merge::Stamped;
use crate::domain::Millis;
use crate::domain::pin::Lockout;
use crate::domain::steward_profile::StewardProfile;

/// A PIN as stored: never the PIN, only its salted hash and how it was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: Vec<u8>,
    pub hash: Vec<u8>,
    pub iterations: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StewardMode {
    #[serde(default)]
    pub pin: Option<PinHash>,
    #[serde(default)]
    pub lockout: Lockout,
    #[serde(default)]
    pub profile: Option<StewardProfile>,
    /// The compound being worked on, among the profile's.
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub updated_at: Millis,
}

impl Stamped for StewardMode {
    fn updated_at(&self) -> Millis {
        self.updated_at
    }
}
