//! The governance records as documents (`committee:<compound>`, `contract:<id>`, …,
//! `case:<id>`, `improvement:<id>`, `census:<compound>`, in the district database: the office writes them,
//! docs/SECURITY.md), and the examples the
//! sample data ships beside the published dataset (`/data/governance.json`, each marked
//! `sample`), read by the district dashboard alone.

use serde::{Deserialize, Serialize};

use super::documents::{DocKind, Document};
use super::merge::Record;
use crate::domain::Millis;
use crate::domain::governance::case::KeyCase;
use crate::domain::governance::census::Census;
use crate::domain::governance::committee::Committee;
use crate::domain::governance::company::Company;
use crate::domain::governance::contract::ServiceContract;
use crate::domain::governance::improvement::Improvement;
use crate::domain::governance::meeting::Meeting;

/// Kept by an `id` and stamped with `updated_at`, as every record (`merge::Record`).
macro_rules! record {
    ($($ty:ty),+) => {
        $(impl Record for $ty {
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> Millis {
                self.updated_at
            }
        })+
    };
}

record!(Committee, ServiceContract, Company, Meeting);
record!(KeyCase, Improvement, Census);

impl Document for Committee {
    const KIND: DocKind = DocKind::Committee;
    fn compound_id(&self) -> &str {
        &self.compound
    }
    fn status_key(&self) -> &'static str {
        self.current.stage.key()
    }
}

impl Document for Census {
    const KIND: DocKind = DocKind::Census;
    fn compound_id(&self) -> &str {
        &self.compound
    }
}

impl Document for Meeting {
    const KIND: DocKind = DocKind::Meeting;
    fn compound_id(&self) -> &str {
        ""
    }
}

impl Document for KeyCase {
    const KIND: DocKind = DocKind::Case;
    fn compound_id(&self) -> &str {
        ""
    }
    fn status_key(&self) -> &'static str {
        self.status.key()
    }
}

impl Document for Improvement {
    const KIND: DocKind = DocKind::Improvement;
    fn compound_id(&self) -> &str {
        &self.compound
    }
}

impl Document for Company {
    const KIND: DocKind = DocKind::Company;
    fn compound_id(&self) -> &str {
        ""
    }
}

impl Document for ServiceContract {
    const KIND: DocKind = DocKind::Contract;
    fn compound_id(&self) -> &str {
        ""
    }
}

/// Where the sample records are published.
pub const SAMPLES: &str = "/data/governance.json";

/// The sample file: an example of each kind of governance record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Samples {
    #[serde(default)]
    pub committees: Vec<Committee>,
    #[serde(default)]
    pub contracts: Vec<ServiceContract>,
    #[serde(default)]
    pub companies: Vec<Company>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub cases: Vec<KeyCase>,
    #[serde(default)]
    pub improvements: Vec<Improvement>,
    /// Figures only: a sample census never carries names.
    #[serde(default)]
    pub censuses: Vec<Census>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_samples_read_and_are_marked_as_samples() {
        let text = include_str!("../../public/data/governance.json");
        let s: Samples = serde_json::from_str(text).expect("the sample file reads");
        assert!(!s.committees.is_empty() && !s.contracts.is_empty());
        assert!(s.committees.iter().all(|k| k.sample));
        assert!(s.contracts.iter().all(|k| k.sample));
        assert!(!s.companies.is_empty() && s.companies.iter().all(|k| k.sample));
        assert!(!s.meetings.is_empty() && s.meetings.iter().all(|k| k.sample));
        assert!(!s.cases.is_empty() && s.cases.iter().all(|k| k.sample));
        assert!(!s.improvements.is_empty() && s.improvements.iter().all(|k| k.sample));
        // Names are personal data: the shipped census has figures and no names.
        assert!(!s.censuses.is_empty());
        assert!(s.censuses.iter().all(|k| k.sample && k.members.is_empty()));
        assert!(
            s.censuses
                .iter()
                .all(|k| k.doc_id() == format!("census:{}", k.compound))
        );
        assert_eq!(
            s.committees[0].doc_id(),
            format!("committee:{}", s.committees[0].compound)
        );
    }
}
