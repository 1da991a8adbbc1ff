//! Coverage by property management, by management mode and by place (subdistrict, then
//! community), computed from each compound's own "covered" mark.

use crate::domain::compound::{Compound, ManagementMode};
use crate::domain::stats::Ratio;

/// One row of a coverage table: a group of compounds and how many are covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    pub name: String,
    pub covered: Ratio,
}

/// Compounds covered by property management over all compounds.
pub fn overall(compounds: &[Compound]) -> Ratio {
    let all: Vec<&Compound> = live(compounds).collect();
    ratio(&all)
}

/// Coverage of each management mode, in the modes' fixed order.
pub fn by_mode(compounds: &[Compound]) -> Vec<(ManagementMode, Ratio)> {
    ManagementMode::ALL
        .into_iter()
        .map(|m| {
            let of_mode: Vec<&Compound> = live(compounds).filter(|c| c.mode == m).collect();
            (m, ratio(&of_mode))
        })
        .collect()
}

/// A subdistrict and its communities, each with its coverage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceCoverage {
    pub subdistrict: CoverageRow,
    pub communities: Vec<CoverageRow>,
}

/// A named group of compounds (a community).
type Group<'a> = (String, Vec<&'a Compound>);

/// Coverage per subdistrict and per community within it, names in first-seen order.
pub fn by_place(compounds: &[Compound]) -> Vec<PlaceCoverage> {
    let mut places: Vec<(String, Vec<Group>)> = Vec::new();
    for c in live(compounds) {
        let sub = match places.iter().position(|(name, _)| *name == c.subdistrict) {
            Some(i) => &mut places[i].1,
            None => {
                places.push((c.subdistrict.clone(), Vec::new()));
                &mut places.last_mut().expect("just pushed").1
            }
        };
        match sub.iter_mut().find(|(name, _)| *name == c.community) {
            Some((_, list)) => list.push(c),
            None => sub.push((c.community.clone(), vec![c])),
        }
    }
    places
        .into_iter()
        .map(|(name, communities)| {
            let all: Vec<&Compound> = communities.iter().flat_map(|(_, l)| l.clone()).collect();
            PlaceCoverage {
                subdistrict: CoverageRow {
                    name,
                    covered: ratio(&all),
                },
                communities: communities
                    .into_iter()
                    .map(|(name, list)| CoverageRow {
                        name,
                        covered: ratio(&list),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Compounds not covered by property management, by subdistrict, community and name.
pub fn uncovered(compounds: &[Compound]) -> Vec<&Compound> {
    let mut list: Vec<&Compound> = live(compounds).filter(|c| !c.covered).collect();
    list.sort_by(|a, b| {
        (&a.subdistrict, &a.community, &a.name).cmp(&(&b.subdistrict, &b.community, &b.name))
    });
    list
}

fn live(compounds: &[Compound]) -> impl Iterator<Item = &Compound> {
    compounds.iter().filter(|c| !c.deleted)
}

fn ratio(list: &[&Compound]) -> Ratio {
    Ratio {
        part: list.iter().filter(|c| c.covered).count(),
        whole: list.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::compound;

    fn at(id: &str, sub: &str, community: &str, mode: ManagementMode, covered: bool) -> Compound {
        let mut c = compound(id, mode);
        c.subdistrict = sub.into();
        c.community = community.into();
        c.covered = covered;
        c
    }

    #[test]
    fn district_coverage_is_80_88_percent() {
        let compounds: Vec<Compound> = (0..565)
            .map(|i| {
                let mut c = compound(&format!("c{i}"), ManagementMode::PropertyCompany);
                c.covered = i < 457;
                c
            })
            .collect();
        let ratio = overall(&compounds);
        assert_eq!(
            ratio,
            Ratio {
                part: 457,
                whole: 565
            }
        );
        assert_eq!(ratio.percent(), Some(80.88));
        assert_eq!(Ratio { part: 0, whole: 0 }.percent(), None);
    }

    #[test]
    fn tombstones_do_not_count() {
        let mut gone = compound("gone", ManagementMode::Unmanaged);
        gone.deleted = true;
        let compounds = vec![compound("a", ManagementMode::Unmanaged), gone];
        assert_eq!(overall(&compounds).whole, 1);
        assert_eq!(
            by_mode(&compounds)[4],
            (ManagementMode::Unmanaged, Ratio { part: 0, whole: 1 })
        );
    }

    #[test]
    fn coverage_by_mode_place_and_the_uncovered_list() {
        use ManagementMode::*;
        let mut gone = at("gone", "A街道", "甲社区", Unmanaged, false);
        gone.deleted = true;
        let cs = vec![
            at("a1", "A街道", "甲社区", PropertyCompany, true),
            at("a2", "A街道", "甲社区", Unmanaged, false),
            at("a3", "A街道", "乙社区", CommunityManaged, true),
            at("b1", "B街道", "丙社区", PropertyCompany, false),
            gone,
        ];
        let modes = by_mode(&cs);
        assert_eq!(modes[0], (PropertyCompany, Ratio { part: 1, whole: 2 }));
        assert_eq!(modes[4], (Unmanaged, Ratio { part: 0, whole: 1 }));
        let places = by_place(&cs);
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].subdistrict.covered, Ratio { part: 2, whole: 3 });
        assert_eq!(places[0].communities[0].name, "甲社区");
        assert_eq!(
            places[0].communities[0].covered,
            Ratio { part: 1, whole: 2 }
        );
        assert_eq!(places[1].subdistrict.covered, Ratio { part: 0, whole: 1 });
        let ids: Vec<&str> = uncovered(&cs).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a2", "b1"]);
    }
}
