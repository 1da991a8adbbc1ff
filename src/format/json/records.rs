//! The office's public records (`/data/records.json`: `domain::governance::public`), read
//! by a compound's page. The publishing job writes them with serde.

use crate::domain::governance::committee::{Stage, Step};
use crate::domain::governance::contract::Scope as Service;
use crate::domain::governance::public::{PublicCommittee, PublicContract, PublicRecords};

json_keyed_enums!(Stage, Step, Service);

json_struct!(read PublicRecords {
    committees: default,
    contracts: default
});

json_struct!(read PublicCommittee {
    compound,
    stage,
    latest_step: default,
    latest_step_on: default,
    term_start: default,
    term_end: default,
    sample: default,
    updated_at
});

json_struct!(read PublicContract {
    id,
    company,
    compounds,
    start: default,
    term_months: default,
    end: default,
    ended: default,
    scope: default,
    fee_fen: default,
    migrated: default,
    sample: default,
    updated_at
});
