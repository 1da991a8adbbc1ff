//! Compounds and their rosters as CSV, for stewards who keep them in a spreadsheet: one row
//! per steward (or per building/unit with nobody yet), compound facts repeated on each row.
//! An import is checked whole — size, header, every row — before anything is returned,
//! and it keeps every field of a compound that the file does not carry.
mod export;
mod import;
mod row;
#[cfg(test)]
mod tests;

pub use export::export;
pub use import::{Checked, check, import};

use crate::domain::compound::EmergencyKind;
use crate::domain::compound_facts::FactsField;

pub const MAX_BYTES: usize = 1024 * 1024;

keyed_enum! {
    /// The columns, by their header names. The first `REQUIRED` must be in every file;
    /// the rest may be left out, and then what the app already has is kept.
    pub enum Column {
        CompoundId = "compound_id",
        CompoundName = "compound_name",
        Community = "community",
        Subdistrict = "subdistrict",
        Mode = "mode",
        Covered = "covered",
        PropertyCompany = "property_company",
        Hotline = "hotline",
        Grid = "grid",
        Building = "building",
        Unit = "unit",
        Role = "role",
        Name = "name",
        Title = "title",
        Phone = "phone",
        DutyHours = "duty_hours",
        GridName = "grid_name",
        BuildingName = "building_name",
        UnitName = "unit_name",
        Built = "built",
        Households = "households",
        CommunityPhone = "community_phone",
        Facilities = "facilities",
        StewardId = "steward_id",
        GasLine = "gas_line",
        PowerLine = "power_line",
        LiftLine = "lift_line",
    }
}

impl Column {
    /// The header a Chinese spreadsheet uses (the template's); read as well as the key.
    pub fn zh_header(self) -> &'static str {
        match self {
            Column::CompoundId => "小区编号",
            Column::CompoundName => "小区名称",
            Column::Community => "社区",
            Column::Subdistrict => "街道",
            Column::Mode => "管理方式",
            Column::Covered => "物业覆盖",
            Column::PropertyCompany => "物业公司",
            Column::Hotline => "服务热线",
            Column::Grid => "网格",
            Column::Building => "楼栋",
            Column::Unit => "单元",
            Column::Role => "角色",
            Column::Name => "姓名",
            Column::Title => "职务",
            Column::Phone => "电话",
            Column::DutyHours => "值班时间",
            Column::GridName => "网格名称",
            Column::BuildingName => "楼栋名称",
            Column::UnitName => "单元名称",
            Column::Built => "建成年份",
            Column::Households => "户数",
            Column::CommunityPhone => "社区电话",
            Column::Facilities => "设施",
            Column::StewardId => "管家编号",
            Column::GasLine => "燃气抢修电话",
            Column::PowerLine => "供电抢修电话",
            Column::LiftLine => "电梯救援电话",
        }
    }

    /// The emergency line a column carries, for the danger screen (older files have none
    /// of these columns, and then the lines the app has are kept).
    pub fn emergency(kind: EmergencyKind) -> Column {
        match kind {
            EmergencyKind::Gas => Column::GasLine,
            EmergencyKind::Power => Column::PowerLine,
            EmergencyKind::Lift => Column::LiftLine,
        }
    }

    /// The column of a field of the facts form.
    pub fn of_fact(field: FactsField) -> Column {
        match field {
            FactsField::Name => Column::CompoundName,
            FactsField::Community => Column::Community,
            FactsField::Subdistrict => Column::Subdistrict,
            FactsField::Built => Column::Built,
            FactsField::Households => Column::Households,
            FactsField::Mode => Column::Mode,
            FactsField::Covered => Column::Covered,
            FactsField::PropertyCompany => Column::PropertyCompany,
            FactsField::Hotline => Column::Hotline,
            FactsField::CommunityPhone => Column::CommunityPhone,
            FactsField::Facilities => Column::Facilities,
            FactsField::Gas => Column::GasLine,
            FactsField::Power => Column::PowerLine,
            FactsField::Lift => Column::LiftLine,
        }
    }

    /// A header cell: the key (`compound_id`) or the Chinese name (`小区编号`).
    pub fn from_header(name: &str) -> Option<Column> {
        Column::from_key(name).or_else(|| Column::ALL.into_iter().find(|c| c.zh_header() == name))
    }
}

/// An empty roster with Chinese headers, UTF-8 with a BOM so spreadsheet programs open it
/// in Chinese: what a steward fills in.
pub fn template() -> String {
    let header = Column::ALL.map(Column::zh_header).join(",");
    format!("\u{FEFF}{header}\r\n")
}

/// How many leading columns of `Column::ALL` every file must have.
pub const REQUIRED: usize = 16;

/// Facilities share one cell, separated as the facts form separates them.
pub use crate::domain::compound_facts::FACILITY_SEPARATOR;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RosterError {
    TooLarge {
        bytes: usize,
    },
    UnterminatedQuote {
        line: usize,
    },
    MissingColumn(Column),
    UnknownColumn(String),
    DuplicateColumn(Column),
    /// A row (1-based line in the file) with a bad cell.
    BadCell {
        line: usize,
        column: Column,
        value: String,
    },
    DuplicateRow {
        line: usize,
    },
    Empty,
}
