//! Names of domain values in each language. Kept beside the catalogue so the domain
//! stays free of display text.

use super::Lang;
use crate::domain::compound::ManagementMode;
use crate::domain::report::{Category, Status};
use crate::domain::steward::Role;
use crate::store::error::StoreError;

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn role_label(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Red => pick(lang, "红管家", "Red steward"),
        Role::Property => pick(lang, "物管家", "Property steward"),
        Role::Peacemaker => pick(lang, "和事佬", "Peacemaker"),
    }
}

pub fn mode_label(mode: ManagementMode, lang: Lang) -> &'static str {
    match mode {
        ManagementMode::PropertyCompany => pick(lang, "物业管理", "Property company"),
        ManagementMode::CommunityManaged => pick(lang, "社区代管", "Community-managed"),
        ManagementMode::OwnerSelfGoverned => pick(lang, "业主自治", "Owner self-governed"),
        ManagementMode::UnitManaged => pick(lang, "单位代管", "Work-unit-managed"),
        ManagementMode::Unmanaged => pick(lang, "无管理", "Unmanaged"),
    }
}

pub fn category_label(category: Category, lang: Lang) -> &'static str {
    match category {
        Category::Sanitation => pick(lang, "保洁卫生", "Sanitation"),
        Category::Parking => pick(lang, "停车秩序", "Parking"),
        Category::Drainage => pick(lang, "排水管道", "Drainage"),
        Category::SepticTank => pick(lang, "化粪池", "Septic tank"),
        Category::Facilities => pick(lang, "公共设施", "Facilities"),
        Category::Safety => pick(lang, "安全隐患", "Safety hazard"),
        Category::NeighbourDispute => pick(lang, "邻里纠纷", "Neighbour dispute"),
        Category::PropertyFee => pick(lang, "物业费", "Property fee"),
        Category::Other => pick(lang, "其他", "Other"),
    }
}

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Draft => pick(lang, "草稿", "Draft"),
        Status::Submitted => pick(lang, "已提交", "Submitted"),
        Status::Acknowledged => pick(lang, "已受理", "Acknowledged"),
        Status::InProgress => pick(lang, "处理中", "In progress"),
        Status::Resolved => pick(lang, "已处理待确认", "Resolved, to confirm"),
        Status::Confirmed => pick(lang, "已办结", "Confirmed fixed"),
        Status::Reopened => pick(lang, "已重开", "Reopened"),
        Status::Closed => pick(lang, "已关闭", "Closed"),
    }
}

/// The plain-language message for a storage problem.
pub fn store_error_message(error: &StoreError, lang: Lang) -> String {
    let s = super::strings(lang);
    match error {
        StoreError::Unavailable => s.err_unavailable.to_string(),
        StoreError::QuotaExceeded { .. } => s.err_quota.to_string(),
        StoreError::Corrupt { backup_key, .. } => {
            format!(
                "{} ({})",
                s.err_corrupt,
                backup_key.as_deref().unwrap_or("-")
            )
        }
        StoreError::UnknownSchema { .. } => s.err_schema.to_string(),
        StoreError::Other { detail, .. } => format!("{} ({detail})", s.err_other),
    }
}
