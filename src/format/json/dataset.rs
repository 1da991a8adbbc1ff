//! The published dataset (`public/data/district.json`), read only: the generator writes
//! it with serde.

use super::{FromJson, Json};
use crate::domain::compound::ManagementMode;
use crate::domain::dataset::{Dataset, District, ReferenceFigures, Subdistrict};

json_struct!(read Dataset {
    district,
    compounds,
    published_at
});

json_struct!(read District {
    name,
    city,
    province,
    campaign,
    subdistricts,
    reference
});

json_struct!(read Subdistrict { name, communities });

impl FromJson for ReferenceFigures {
    fn from_json(j: &Json) -> Option<ReferenceFigures> {
        Some(ReferenceFigures {
            source: j.field("source")?,
            compounds_by_mode: j
                .field::<Vec<ModeCount>>("compounds_by_mode")?
                .into_iter()
                .map(|ModeCount(mode, n)| (mode, n))
                .collect(),
            compounds_total: j.field("compounds_total")?,
            covered: j.field("covered")?,
            complaints_accepted: j.field("complaints_accepted")?,
            resolution_rate_percent: j.field("resolution_rate_percent")?,
            pre_litigation_cases: j.field("pre_litigation_cases")?,
            pre_litigation_yuan: j.field("pre_litigation_yuan")?,
            oral_mediation_cases: j.field("oral_mediation_cases")?,
            arrears_recovered_yuan: j.field("arrears_recovered_yuan")?,
        })
    }
}

/// `["PropertyCompany", 303]`: serde writes a tuple as an array.
struct ModeCount(ManagementMode, u32);

impl FromJson for ModeCount {
    fn from_json(j: &Json) -> Option<ModeCount> {
        match j {
            Json::Array(pair) if pair.len() == 2 => Some(ModeCount(
                ManagementMode::from_json(&pair[0])?,
                u32::from_json(&pair[1])?,
            )),
            _ => None,
        }
    }
}
