//! Writes the data files the app and its tests load.
//!
//! `cargo run --example gen_data -- sample` writes `public/data/district.json`: Yuetang
//! District's published figures and the compounds docs/FACTS.md names, with fictional rosters.
//! `cargo run --example gen_data -- scale DIR` writes the scale dataset (565 compounds,
//! ~30,000 stewards, 10,000 reports) to DIR for benchmarks and stress tests.
//! `cargo run --release --example gen_data -- bench` times the district dashboard's
//! figures over the scale dataset (budget: 100 ms).

mod bench;
mod governance;
mod roster;
mod scale;

use std::path::Path;

// `roster.rs` is also compiled into the library's tests (src/fixtures.rs), where it names
// the domain as `crate::domain`; this makes the same path work here.
use compound_steward::domain;
use compound_steward::format::collections::{DATASET_SCHEMA, REPORTS};
use compound_steward::format::envelope::encode;
use compound_steward::format::json::ViaSerde;
use domain::Millis;
use domain::compound::{Compound, EmergencyKind, EmergencyLine, ManagementMode, Notice};
use domain::dataset::{Dataset, District, ReferenceFigures, Subdistrict};
use domain::district::scorecard::Contract;
use roster::{Layout, Rng, build_roster, build_tree};
use scale::{scale_compounds, scale_reports};

/// An obviously fake Xiangtan landline, written as the app writes numbers (so that a
/// roster exported and imported again is the same file).
fn fake_landline(serial: usize) -> String {
    let written = format!("0731-0000{serial:04}");
    domain::phone::parse_phone(&written).map_or(written, |p| p.display())
}

/// A compound's emergency lines for the danger screen: the city's gas and power repair
/// lines (the same fictional numbers everywhere), and a lift company's for the compounds
/// of the sample with lifts (the newer 柏丽广场 and 云峰安置区, the 8th and 7th).
fn emergency_lines(i: usize) -> Vec<EmergencyLine> {
    let line = |kind, serial| EmergencyLine {
        kind,
        phone: fake_landline(serial),
    };
    let mut lines = vec![
        line(EmergencyKind::Gas, 9001),
        line(EmergencyKind::Power, 9002),
    ];
    if i >= 6 {
        lines.push(line(EmergencyKind::Lift, 3001 + i));
    }
    lines
}

/// 2026-10-19 08:00 in Xiangtan: the day of the district's report.
pub const PUBLISHED: Millis = 1_792_368_000_000;

struct Spec {
    id: &'static str,
    name: &'static str,
    community: &'static str,
    subdistrict: &'static str,
    built: Option<u16>,
    households: Option<u32>,
    mode: ManagementMode,
    /// Covered by property management (物业管理覆盖): the district counts 457 of 565
    /// (docs/FACTS.md), more than its 303 company-managed compounds, so coverage is each
    /// compound's own fact, not its mode's.
    covered: bool,
    company: Option<&'static str>,
    facilities: &'static [&'static str],
    notice: Option<(&'static str, &'static str)>,
    layout: Layout,
}

fn specs() -> Vec<Spec> {
    use ManagementMode::*;
    let jindi_notice = Some((
        "金地物业连片托管",
        "自7月起，东塘村小区与周边2个老旧小区打包交由金地物业托管，先做好保洁进楼、停车有序、人居提升等基础服务。",
    ));
    vec![
        Spec {
            id: "tianhecun",
            name: "天鹤村小区",
            community: "晓塘社区",
            subdistrict: "书院路街道",
            built: Some(1986),
            households: None,
            // The district's success story: "无人管"变"有人管", now managed and covered
            // (docs/FACTS.md). The source does not name the company: a sample one.
            mode: PropertyCompany,
            covered: true,
            company: Some("天鹤物业（示例）"),
            facilities: &[],
            notice: None,
            layout: Layout {
                grids: 2,
                buildings_per_grid: 3,
                units_per_building: 2,
            },
        },
        Spec {
            id: "dongtangcun",
            name: "东塘村小区",
            community: "新塘社区",
            subdistrict: "书院路街道",
            built: Some(1995),
            households: Some(337),
            mode: PropertyCompany,
            covered: true,
            company: Some("金地物业"),
            facilities: &[],
            notice: jindi_notice,
            layout: Layout {
                grids: 2,
                buildings_per_grid: 4,
                units_per_building: 3,
            },
        },
        Spec {
            id: "xintang-beiyuan",
            name: "新塘北苑（示例）",
            community: "新塘社区",
            subdistrict: "书院路街道",
            built: Some(1993),
            households: None,
            mode: PropertyCompany,
            covered: true,
            company: Some("金地物业"),
            facilities: &[],
            notice: jindi_notice,
            layout: Layout {
                grids: 1,
                buildings_per_grid: 3,
                units_per_building: 2,
            },
        },
        Spec {
            id: "xintang-nanyuan",
            name: "新塘南苑（示例）",
            community: "新塘社区",
            subdistrict: "书院路街道",
            built: Some(1997),
            households: None,
            mode: PropertyCompany,
            covered: true,
            company: Some("金地物业"),
            facilities: &[],
            notice: jindi_notice,
            layout: Layout {
                grids: 1,
                buildings_per_grid: 3,
                units_per_building: 2,
            },
        },
        Spec {
            id: "guihuacun",
            name: "桂花村",
            community: "桂花社区（示例）",
            subdistrict: "书院路街道",
            built: None,
            households: None,
            mode: CommunityManaged,
            covered: false,
            company: None,
            facilities: &["智慧单车棚", "共享晾衣架", "停车位", "电动车充电桩"],
            notice: Some((
                "新设施启用",
                "小区新建智慧单车棚、共享晾衣架、停车位和电动车充电桩，欢迎居民使用。",
            )),
            layout: Layout {
                grids: 1,
                buildings_per_grid: 4,
                units_per_building: 2,
            },
        },
        Spec {
            id: "songtaoli",
            name: "松涛里小区",
            community: "",
            subdistrict: "",
            built: None,
            households: None,
            mode: OwnerSelfGoverned,
            // 业主自治 is one of the district's ways to full coverage.
            covered: true,
            company: None,
            facilities: &[],
            notice: Some(("道路修缮完成", "小区道路已完成修补和黑化，感谢居民支持。")),
            layout: Layout {
                grids: 1,
                buildings_per_grid: 3,
                units_per_building: 2,
            },
        },
        Spec {
            id: "yunfeng",
            name: "云峰安置区",
            community: "",
            subdistrict: "",
            built: None,
            households: None,
            mode: CommunityManaged,
            covered: false,
            company: None,
            facilities: &[],
            notice: Some((
                "不动产办证",
                "云峰安置区、柏丽广场近千户居民的不动产证问题已解决，请留意社区领证通知。",
            )),
            layout: Layout {
                grids: 2,
                buildings_per_grid: 3,
                units_per_building: 2,
            },
        },
        Spec {
            id: "baili-plaza",
            name: "柏丽广场",
            community: "",
            subdistrict: "",
            built: None,
            households: None,
            mode: PropertyCompany,
            covered: true,
            company: Some("柏丽物业（示例）"),
            facilities: &[],
            notice: None,
            layout: Layout {
                grids: 1,
                buildings_per_grid: 3,
                units_per_building: 2,
            },
        },
    ]
}

fn sample() -> Dataset {
    let mut rng = Rng::new(2026);
    let mut serial = 0;
    let compounds = specs()
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let grids = build_tree(&s.layout);
            let stewards = build_roster(s.id, &grids, &mut rng, &mut serial);
            Compound {
                id: s.id.into(),
                name: s.name.into(),
                community: s.community.into(),
                subdistrict: s.subdistrict.into(),
                built: s.built,
                households: s.households,
                mode: s.mode,
                covered: s.covered,
                property_company: s.company.map(String::from),
                hotline: s.company.map(|_| fake_landline(1001 + i)),
                community_phone: Some(fake_landline(2001 + i)),
                emergency: emergency_lines(i),
                grids,
                stewards,
                facilities: s.facilities.iter().map(|f| f.to_string()).collect(),
                notices: s
                    .notice
                    .map(|(title, body)| Notice {
                        id: format!("{}-n1", s.id),
                        title: title.into(),
                        body: body.into(),
                        published_at: PUBLISHED,
                        pinned: false,
                        expires_at: None,
                    })
                    .into_iter()
                    .collect(),
                updated_at: PUBLISHED,
                deleted: false,
                sample: true,
            }
        })
        .collect();
    Dataset {
        district: district(),
        compounds,
        published_at: PUBLISHED,
    }
}

fn district() -> District {
    use ManagementMode::*;
    District {
        name: "岳塘区".into(),
        city: "湘潭市".into(),
        province: "湖南省".into(),
        campaign: "美好小区·幸福家园".into(),
        subdistricts: vec![Subdistrict {
            name: "书院路街道".into(),
            communities: vec![
                "晓塘社区".into(),
                "新塘社区".into(),
                "桂花社区（示例）".into(),
            ],
        }],
        reference: ReferenceFigures {
            source: "岳塘新闻网 10月19日".into(),
            compounds_by_mode: vec![
                (PropertyCompany, 303),
                (CommunityManaged, 110),
                (OwnerSelfGoverned, 128),
                (UnitManaged, 24),
            ],
            compounds_total: 565,
            covered: 457,
            complaints_accepted: 60,
            resolution_rate_percent: 100.0,
            pre_litigation_cases: 26,
            pre_litigation_yuan: 300_000,
            oral_mediation_cases: 38,
            arrears_recovered_yuan: 39_271,
        },
    }
}

/// The published dataset as written: the district's entry also lists the 连片托管
/// contracts. The console reads them (scorecards count a package of compounds as one
/// contract); the resident app's `District` has no such field and skips it, so residents
/// do not pay for decoding it.
#[derive(serde::Serialize)]
struct Published {
    district: PublishedDistrict,
    compounds: Vec<Compound>,
    published_at: Millis,
}

#[derive(serde::Serialize)]
struct PublishedDistrict {
    #[serde(flatten)]
    district: District,
    contracts: Vec<Contract>,
}

fn with_contracts(data: Dataset) -> Published {
    let jindi = data
        .compounds
        .iter()
        .filter(|c| c.property_company.as_deref() == Some("金地物业"))
        .map(|c| c.id.clone())
        .collect();
    Published {
        district: PublishedDistrict {
            district: data.district,
            contracts: vec![Contract {
                company: "金地物业".into(),
                compounds: jindi,
            }],
        },
        compounds: data.compounds,
        published_at: data.published_at,
    }
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create the output folder");
    }
    std::fs::write(path, text).expect("write the data file");
    println!("wrote {} ({} bytes)", path.display(), text.len());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("sample") => {
            let data = sample();
            write(
                Path::new("public/data/governance.json"),
                &serde_json::to_string_pretty(&governance::samples(
                    data.published_at,
                    data.compounds
                        .iter()
                        .filter(|c| c.property_company.as_deref() == Some("金地物业"))
                        .map(|c| c.id.clone())
                        .collect(),
                ))
                .expect("the governance samples encode"),
            );
            write(
                Path::new("public/data/district.json"),
                &encode(DATASET_SCHEMA, &ViaSerde(with_contracts(data))),
            );
        }
        Some("scale") => {
            let dir = Path::new(args.get(1).map_or("target/scale", String::as_str));
            let mut rng = Rng::new(565);
            let mut data = sample();
            data.compounds = scale_compounds(565, &mut rng);
            let reports = scale_reports(&data.compounds, 10_000, PUBLISHED, &mut rng);
            write(
                &dir.join("district.json"),
                &encode(DATASET_SCHEMA, &ViaSerde(&data)),
            );
            write(
                &dir.join("reports.json"),
                &REPORTS.encode(&ViaSerde(&reports)),
            );
        }
        Some("bench") => bench::district(),
        _ => eprintln!("usage: gen_data sample | gen_data scale [DIR] | gen_data bench"),
    }
}
