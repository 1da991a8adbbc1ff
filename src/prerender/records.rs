//! The office's public records (`data/records.json`): what residents see of each
//! compound's 业委会 and contracts (`domain::governance::public`: no member's name, no
//! history). The build writes them from what ships — the published list's contracts
//! (their terms still to be entered) and the sample records; a republish puts in a
//! `committee:` or `contract:` document from the server's `district`, the office's own.

use super::{PublishRefusal, StaticPage};
use crate::domain::district::scorecard::Contract;
use crate::domain::governance::contract;
use crate::domain::governance::public::PublicRecords;
use crate::format::collections::RECORDS_SCHEMA;
use crate::format::entry_points::PUBLIC_RECORDS;
use crate::format::envelope::{decode, encode};
use crate::format::governance::Samples;
use crate::format::json::ViaSerde;
use crate::format::migrations;

/// What ships with the build: the dataset's published contracts (`dataset`: the text of
/// `data/district.json`) and the sample records (`samples`: `data/governance.json`).
pub fn shipped(dataset: &str, samples: &str) -> Result<PublicRecords, PublishRefusal> {
    let dataset: serde_json::Value =
        serde_json::from_str(dataset).map_err(|_| PublishRefusal::Dataset)?;
    let listed = dataset["data"]["district"]["contracts"].clone();
    let listed: Vec<Contract> = match listed {
        serde_json::Value::Null => Vec::new(),
        list => serde_json::from_value(list).map_err(|_| PublishRefusal::Dataset)?,
    };
    let samples: Samples = if samples.trim().is_empty() {
        Samples::default()
    } else {
        serde_json::from_str(samples).map_err(|e| PublishRefusal::Unreadable(e.to_string()))?
    };
    let contracts = contract::all(contract::migrate(&listed), &samples.contracts);
    Ok(PublicRecords::of(&samples.committees, &contracts))
}

/// The site's published records (`text`: its `data/records.json`; empty: none yet).
pub fn read(text: &str) -> Result<PublicRecords, PublishRefusal> {
    if text.trim().is_empty() {
        return Ok(PublicRecords::default());
    }
    decode("records", text, RECORDS_SCHEMA, migrations::none).map_err(|_| PublishRefusal::Records)
}

/// The file residents' pages read.
pub fn file(records: &PublicRecords) -> StaticPage {
    StaticPage {
        path: PUBLIC_RECORDS.trim_start_matches('/').to_string(),
        html: encode(RECORDS_SCHEMA, &ViaSerde(records)),
    }
}
