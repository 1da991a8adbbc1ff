//! Fictional battle maps: grids, buildings, units and a full three-role roster, for the
//! sample data, the scale dataset and the native tests (which include this file through
//! `src/fixtures.rs`). Deterministic, so a benchmark run is repeatable. Names are made up
//! and numbers are obviously fake (138 0000 xxxx), as docs/FACTS.md asks.

use crate::domain::compound::{Building, Grid, Unit};
use crate::domain::steward::{Role, Scope, Steward};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_numbers_are_valid_and_obviously_fake() {
        let p = crate::domain::phone::parse_phone(&fake_mobile(1)).unwrap();
        assert_eq!(p.digits, "13800000001");
        assert_eq!(fake_mobile(10_001), "139 0000 0001");
    }
}
