//! Why republishing (`crate::prerender::republish`: the server's publishing job and the
//! office's command) published nothing, as a value; `i18n::publish` words it.

use super::roster::RosterError;

/// Why nothing was published.
#[derive(Debug, PartialEq)]
pub enum PublishRefusal {
    Unreadable(String),
    WrongFormat(String),
    /// A roster document whose `_id` is not `compound:<its id>`.
    WrongId(String),
    Deleted(String),
    Roster(String, RosterError),
    /// A roster CSV the import refuses.
    Csv(RosterError),
    NoShell,
    Dataset,
    /// The site's `data/records.json` does not read.
    Records,
    /// A `committee:` or `contract:` document whose `_id` is not its record's.
    WrongRecordId(String),
    /// An office record given by hand: only the server's job publishes them, from
    /// `district`.
    RecordByHand,
}
