//! The published district dataset: what `public/data/district.json` holds.

use serde::{Deserialize, Serialize};

use super::Millis;
use super::compound::{Compound, ManagementMode};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subdistrict {
    pub name: String,
    pub communities: Vec<String>,
}

/// What the district itself reports (docs/FACTS.md). Shown as a reference line beside figures
/// computed from the data, never in their place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceFigures {
    pub source: String,
    pub compounds_by_mode: Vec<(ManagementMode, u32)>,
    pub compounds_total: u32,
    pub covered: u32,
    pub complaints_accepted: u32,
    pub resolution_rate_percent: f64,
    pub pre_litigation_cases: u32,
    pub pre_litigation_yuan: u64,
    pub oral_mediation_cases: u32,
    pub arrears_recovered_yuan: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct District {
    pub name: String,
    pub city: String,
    pub province: String,
    pub campaign: String,
    pub subdistricts: Vec<Subdistrict>,
    pub reference: ReferenceFigures,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub district: District,
    pub compounds: Vec<Compound>,
    pub published_at: Millis,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_sample_parses_and_matches_the_facts() {
        let text = include_str!("../../public/data/district.json");
        let envelope: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(envelope["schema"], 1);
        let data: Dataset = serde_json::from_value(envelope["data"].clone()).unwrap();
        assert!(
            data.compounds.iter().all(|c| c.sample),
            "every sample roster says it is one"
        );
        let r = &data.district.reference;
        assert_eq!(r.compounds_total, 565);
        assert_eq!(r.compounds_by_mode.iter().map(|(_, n)| n).sum::<u32>(), 565);
        assert_eq!(r.covered, 457);
        let dongtang = data
            .compounds
            .iter()
            .find(|c| c.name == "东塘村小区")
            .unwrap();
        assert_eq!(dongtang.households, Some(337));
        assert_eq!(dongtang.property_company.as_deref(), Some("金地物业"));
        let jindi = data
            .compounds
            .iter()
            .filter(|c| c.property_company.as_deref() == Some("金地物业"))
            .count();
        assert_eq!(jindi, 3, "东塘村 and 2 others were packaged to 金地物业");
        let tianhe = data.compounds.iter().find(|c| c.name == "天鹤村小区");
        let tianhe = tianhe.unwrap();
        assert!(
            tianhe.covered && tianhe.mode == ManagementMode::PropertyCompany,
            "天鹤村: \"无人管\"变\"有人管\", managed and covered"
        );
        // The sample's coverage is as near the district's 457 / 565 as its size allows.
        let n = data.compounds.len();
        let covered = data.compounds.iter().filter(|c| c.covered).count();
        let facts = f64::from(r.covered) / f64::from(r.compounds_total);
        let off = |k: usize| (k as f64 / n as f64 - facts).abs();
        assert!(
            (0..=n).all(|k| off(covered) <= off(k)),
            "{covered} of {n} covered, the district {facts}"
        );
        // Every compound's street and community are the district's own list.
        for c in data.compounds.iter().filter(|c| !c.subdistrict.is_empty()) {
            let sub = data
                .district
                .subdistricts
                .iter()
                .find(|s| s.name == c.subdistrict);
            assert!(
                sub.is_some_and(|s| s.communities.contains(&c.community)),
                "{} is in {} {}, not in the district's list",
                c.name,
                c.subdistrict,
                c.community
            );
        }
        for c in &data.compounds {
            for s in &c.stewards {
                let phone = super::super::phone::parse_phone(&s.phone).unwrap();
                assert!(
                    phone.digits.contains("0000"),
                    "fake number only: {}",
                    s.phone
                );
            }
            for (_, b) in c.buildings() {
                let card = super::super::contact_card::contact_card(c, &b.id, None).unwrap();
                for role in super::super::steward::Role::ALL {
                    assert!(
                        matches!(
                            card.entry(role),
                            super::super::contact_card::CardEntry::Found(_)
                        ),
                        "{} {} lacks {:?}",
                        c.name,
                        b.name,
                        role
                    );
                }
            }
        }
    }
}
