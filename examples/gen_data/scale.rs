//! The scale dataset (565 compounds, ~30,000 stewards, 10,000 reports) for benchmarks
//! and stress tests, laid out like the district (docs/FACTS.md).

use crate::domain::Millis;
use crate::domain::compound::{Compound, ManagementMode};
use crate::domain::report::{Category, Report, Status};
use crate::domain::steward::Role;
use crate::domain::time::DAY_MS;
use crate::roster::{Layout, Rng, build_roster, build_tree, fictional_name};

/// The district's mix (docs/FACTS.md): 303 / 110 / 128 / 24 of 565.
pub fn district_mode(index: usize) -> ManagementMode {
    match index % 565 {
        0..303 => ManagementMode::PropertyCompany,
        303..413 => ManagementMode::CommunityManaged,
        413..541 => ManagementMode::OwnerSelfGoverned,
        _ => ManagementMode::UnitManaged,
    }
}

/// `count` compounds laid out like the district: 457 of 565 covered.
pub fn scale_compounds(count: usize, rng: &mut Rng) -> Vec<Compound> {
    let mut serial = 0;
    let layout = Layout {
        grids: 2,
        buildings_per_grid: 6,
        units_per_building: 2,
    };
    (0..count)
        .map(|i| {
            let id = format!("sc{i:04}");
            let grids = build_tree(&layout);
            let stewards = build_roster(&id, &grids, rng, &mut serial);
            let mode = district_mode(i);
            Compound {
                name: format!("{}{}小区", fictional_name(rng), i),
                community: format!("第{}社区", i % 40 + 1),
                subdistrict: format!("第{}街道", i % 9 + 1),
                built: Some(1980 + (i % 25) as u16),
                households: Some(120 + (i % 400) as u32),
                covered: i % 565 < 457,
                property_company: (mode == ManagementMode::PropertyCompany)
                    .then(|| format!("示例物业{}号", i % 100 + 1)),
                hotline: Some("0731-5555 0000".into()),
                community_phone: None,
                emergency: vec![],
                mode,
                grids,
                stewards,
                facilities: vec![],
                notices: vec![],
                updated_at: 0,
                deleted: false,
                sample: true,
                id,
            }
        })
        .collect()
}

/// `count` reports spread over the compounds and the last 180 days before `now`.
pub fn scale_reports(
    compounds: &[Compound],
    count: usize,
    now: Millis,
    rng: &mut Rng,
) -> Vec<Report> {
    (0..count)
        .map(|i| {
            let c = &compounds[rng.below(compounds.len())];
            let created = now - (rng.below(180) as Millis) * DAY_MS;
            let mut r = Report::draft(
                format!("R-SCALE-{i:05}"),
                c.id.clone(),
                Some("1".into()),
                None,
                created,
            );
            r.category = Category::ALL[rng.below(Category::ALL.len())];
            r.description = format!("示例报事 {i}");
            r.expected_by = Some(created + 7 * DAY_MS);
            let _ = r.transition(Status::Submitted, "", None, created);
            if rng.below(3) > 0 {
                let _ = r.transition(
                    Status::Resolved,
                    "已处理",
                    Some(Role::Property),
                    created + DAY_MS,
                );
                let _ = r.confirm(1 + rng.below(5) as u8, "", created + 2 * DAY_MS);
            }
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_dataset_has_the_district_shape() {
        let mut rng = Rng::new(7);
        let compounds = scale_compounds(565, &mut rng);
        let stewards: usize = compounds.iter().map(|c| c.stewards.len()).sum();
        assert!((28_000..=32_000).contains(&stewards), "{stewards}");
        assert_eq!(
            crate::domain::district::coverage::overall(&compounds).percent(),
            Some(80.88)
        );
        let modes = crate::domain::district::coverage::by_mode(&compounds);
        assert_eq!(
            modes.iter().map(|(_, r)| r.whole).collect::<Vec<_>>(),
            [303, 110, 128, 24, 0]
        );
        let reports = scale_reports(&compounds, 10_000, 200 * DAY_MS, &mut rng);
        assert_eq!(reports.len(), 10_000);
        assert!(reports.iter().all(|r| r.submitted_at().is_some()));
    }

    /// The district's figures over the whole scale dataset add up: every report counted
    /// once by status, by category and by compound; one scorecard per company.
    #[test]
    fn district_figures_add_up_on_the_scale_dataset() {
        fn sum<T>(v: &[(T, usize)]) -> usize {
            v.iter().map(|(_, n)| n).sum()
        }
        use crate::domain::district::period::{Quarter, Span};
        use crate::domain::district::{coverage, scorecard, work};
        let mut rng = Rng::new(565);
        let compounds = scale_compounds(565, &mut rng);
        let now = 200 * DAY_MS;
        let reports = scale_reports(&compounds, 10_000, now, &mut rng);
        let all = Span {
            start: 0,
            end: now + 1,
        };
        let w = work::work_figures(&reports, &[], &[], all, now);
        assert_eq!(w.handling.reports, 10_000);
        assert_eq!(sum(&w.by_status), 10_000);
        assert_eq!(sum(&w.by_category), 10_000);
        assert_eq!(sum(&w.by_compound), 10_000);
        // Two in three are resolved in a day and confirmed: the rate is about 2/3.
        let rate = w.handling.resolution.percent().unwrap();
        assert!((64.0..70.0).contains(&rate), "{rate}");
        assert_eq!(w.handling.median_days, Some(1.0));
        let places = coverage::by_place(&compounds);
        assert_eq!(places.len(), 9);
        let covered: usize = places.iter().map(|p| p.subdistrict.covered.part).sum();
        assert_eq!(covered, 457);
        assert_eq!(coverage::uncovered(&compounds).len(), 108);
        let q = Quarter::of(now);
        let cards = scorecard::scorecards(
            &compounds,
            &[],
            &reports,
            q,
            None,
            &scorecard::PROPOSED,
            now,
        );
        assert_eq!(cards.len(), 100);
        let in_quarter: usize = cards.iter().map(|c| c.handling.reports).sum();
        let expected = reports
            .iter()
            .filter(|r| {
                q.span().contains(r.submitted_at().unwrap())
                    && compounds
                        .iter()
                        .any(|c| c.id == r.compound && c.property_company.is_some())
            })
            .count();
        assert_eq!(in_quarter, expected);
    }
}
