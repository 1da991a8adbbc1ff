//! Fictional rosters and the scale dataset (565 compounds, ~30,000 stewards, 10,000
//! reports) used by the sample data, benchmarks and stress tests. Deterministic, so a
//! benchmark run is repeatable. Names are made up and numbers are obviously fake
//! (138 0000 xxxx), as FACTS.md asks.

use super::Millis;
use super::compound::{Building, Compound, Grid, ManagementMode, Unit};
use super::report::{Category, Report, Status};
use super::steward::{Role, Scope, Steward};
use super::time::DAY_MS;

/// A small xorshift generator: no `rand` crate needed for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as u32
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.next_u32() as usize % n.max(1)
    }
}

const SURNAMES: &str = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林";
const GIVEN: &str = "建国秀英志强桂兰明华丽萍海燕晓东春梅德胜玉珍红军淑芬伟平";

/// A fictional two- or three-character name.
pub fn fictional_name(rng: &mut Rng) -> String {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let mut name = String::new();
    name.push(surnames[rng.below(surnames.len())]);
    for _ in 0..(1 + rng.below(2)) {
        name.push(given[rng.below(given.len())]);
    }
    name
}

/// `138 0000 0001`, `139 0000 0001`, … — never a real subscriber's number.
pub fn fake_mobile(serial: u32) -> String {
    let prefix = 138 + (serial / 10_000) % 2;
    format!("{prefix} 0000 {:04}", serial % 10_000)
}

/// The shape of a compound's battle map.
pub struct Layout {
    pub grids: usize,
    pub buildings_per_grid: usize,
    pub units_per_building: usize,
}

/// Grids, buildings and units numbered the way residents say them (1栋2单元).
pub fn build_tree(layout: &Layout) -> Vec<Grid> {
    let mut next_building = 1;
    (1..=layout.grids)
        .map(|g| Grid {
            id: format!("g{g}"),
            name: format!("第{g}网格"),
            buildings: (0..layout.buildings_per_grid)
                .map(|_| {
                    let b = next_building;
                    next_building += 1;
                    Building {
                        id: b.to_string(),
                        name: format!("{b}栋"),
                        units: (1..=layout.units_per_building)
                            .map(|u| Unit {
                                id: u.to_string(),
                                name: format!("{u}单元"),
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect()
}

struct RosterWriter<'a> {
    compound_id: &'a str,
    rng: &'a mut Rng,
    serial: &'a mut u32,
    out: Vec<Steward>,
}

impl RosterWriter<'_> {
    fn add(&mut self, role: Role, title: &str, scope: Scope, hours: &str) {
        *self.serial += 1;
        self.out.push(Steward {
            id: format!("{}-s{}", self.compound_id, self.out.len() + 1),
            name: fictional_name(self.rng),
            role,
            title: title.into(),
            phone: fake_mobile(*self.serial),
            scope,
            duty_hours: (!hours.is_empty()).then(|| hours.to_string()),
            updated_at: 0,
        });
    }
}

/// A complete three-role roster: every building's card has all three roles.
pub fn build_roster(
    compound_id: &str,
    grids: &[Grid],
    rng: &mut Rng,
    serial: &mut u32,
) -> Vec<Steward> {
    let mut w = RosterWriter {
        compound_id,
        rng,
        serial,
        out: Vec::new(),
    };
    w.add(
        Role::Red,
        "党支部书记",
        Scope::Compound,
        "周一至周五 8:30–17:30",
    );
    w.add(
        Role::Property,
        "物业客服",
        Scope::Compound,
        "每天 8:00–20:00",
    );
    w.add(Role::Peacemaker, "居民代表", Scope::Compound, "");
    for grid in grids {
        w.add(
            Role::Red,
            "网格员",
            Scope::Grid {
                grid: grid.id.clone(),
            },
            "周一至周六 9:00–18:00",
        );
        w.add(
            Role::Property,
            "保洁主管",
            Scope::Grid {
                grid: grid.id.clone(),
            },
            "每天 7:00–17:00",
        );
        for b in &grid.buildings {
            let building = b.id.clone();
            w.add(
                Role::Peacemaker,
                "楼栋长",
                Scope::Building {
                    building: building.clone(),
                },
                "",
            );
            w.add(
                Role::Red,
                "党员中心户",
                Scope::Building {
                    building: building.clone(),
                },
                "",
            );
            for u in &b.units {
                let scope = Scope::Unit {
                    building: building.clone(),
                    unit: u.id.clone(),
                };
                w.add(Role::Peacemaker, "单元长", scope, "");
            }
        }
    }
    w.out
}

/// The district's mix (FACTS.md): 303 / 110 / 128 / 24 of 565.
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
                mode,
                grids,
                stewards,
                facilities: vec![],
                notices: vec![],
                updated_at: 0,
                deleted: false,
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
            crate::domain::stats::coverage(&compounds).percent(),
            Some(80.88)
        );
        let modes = crate::domain::stats::count_by_mode(&compounds);
        assert_eq!(
            modes.iter().map(|(_, n)| n).collect::<Vec<_>>(),
            [&303, &110, &128, &24, &0]
        );
        let reports = scale_reports(&compounds, 10_000, 200 * DAY_MS, &mut rng);
        assert_eq!(reports.len(), 10_000);
        assert!(reports.iter().all(|r| r.submitted_at().is_some()));
    }

    #[test]
    fn fake_numbers_are_valid_and_obviously_fake() {
        let p = crate::domain::phone::parse_phone(&fake_mobile(1)).unwrap();
        assert_eq!(p.digits, "13800000001");
        assert_eq!(fake_mobile(10_001), "139 0000 0001");
    }
}
