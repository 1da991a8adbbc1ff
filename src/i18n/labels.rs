//! Names of domain values in each language. Kept beside the catalogue so the domain
//! stays free of display text.

use super::Lang;
use crate::domain::compound::ManagementMode;
use crate::domain::limits::TextError;
use crate::domain::phone::PhoneError;
use crate::domain::report::{Category, Status, Urgency};
use crate::domain::report_rules::FieldError;
use crate::domain::steward::Role;
use crate::store::backup::ImportError;
use crate::store::error::StoreError;
use crate::store::roster::RosterError;

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

pub fn urgency_label(urgency: Urgency, lang: Lang) -> &'static str {
    match urgency {
        Urgency::Normal => pick(lang, "一般", "Normal"),
        Urgency::Urgent => pick(lang, "紧急", "Urgent"),
        Urgency::Emergency => pick(lang, "非常紧急（有危险）", "Emergency (danger)"),
    }
}

/// Labels of the category-specific questions (`domain::report_rules::questions`).
pub fn question_label(key: &str, lang: Lang) -> &'static str {
    match key {
        "overflowing" => pick(lang, "是否已经外溢？", "Is it overflowing?"),
        "which_unit" => pick(lang, "哪个单元附近？", "Near which unit?"),
        "where" => pick(lang, "具体位置", "Where exactly?"),
        "fire_lane" => pick(lang, "是否堵塞消防通道？", "Is a fire lane blocked?"),
        "parties" => pick(lang, "涉及哪几户？", "Which households are involved?"),
        "mediated_before" => pick(lang, "之前调解过吗？", "Mediated before?"),
        "flooding" => pick(lang, "是否积水进屋？", "Is water getting into homes?"),
        "danger_now" => pick(lang, "现在是否有危险？", "Is anyone in danger now?"),
        "which_facility" => pick(lang, "哪个设施？", "Which facility?"),
        _ => pick(lang, "补充", "Detail"),
    }
}

/// A stored answer as shown: "yes"/"no" in the language, free text as typed.
pub fn answer_label(answer: &str, lang: Lang) -> &str {
    match answer {
        "yes" => yes_no(true, lang),
        "no" => yes_no(false, lang),
        other => other,
    }
}

pub fn yes_no(answer: bool, lang: Lang) -> &'static str {
    match answer {
        true => pick(lang, "是", "Yes"),
        false => pick(lang, "否", "No"),
    }
}

/// The message shown next to a form field.
pub fn field_error_message(error: &FieldError, lang: Lang) -> String {
    let s = super::strings(lang);
    let text = |e: &TextError| match e {
        TextError::Required => s.err_required.to_string(),
        TextError::TooLong { max, actual } => format!("{}（{actual} / {max}）", s.err_too_long),
    };
    match error {
        FieldError::CompoundRequired => s.err_compound.to_string(),
        FieldError::Description(e) | FieldError::Name(e) => text(e),
        FieldError::Phone(PhoneError::BadCharacters) => s.err_phone_chars.to_string(),
        FieldError::Phone(PhoneError::Empty | PhoneError::NotANumber) => {
            s.err_phone_number.to_string()
        }
    }
}

/// Why a backup file was refused.
pub fn import_error_message(error: &ImportError, lang: Lang) -> String {
    let s = super::strings(lang);
    match error {
        ImportError::TooLarge { .. } => s.import_too_large.to_string(),
        ImportError::NotJson => s.import_not_json.to_string(),
        ImportError::NotABackup => s.import_not_backup.to_string(),
        ImportError::WrongVersion(_) => s.import_wrong_version.to_string(),
        ImportError::DuplicateId(id) => format!("{}{id}", s.import_duplicate),
        ImportError::Implausible(id) => format!("{}{id}", s.import_implausible),
    }
}

/// Why a roster CSV was refused, with the line and column to fix.
pub fn roster_error_message(error: &RosterError, lang: Lang) -> String {
    let s = super::strings(lang);
    let line_word = if lang == Lang::Zh { " 行" } else { "" };
    match error {
        RosterError::TooLarge { .. } => s.roster_too_large.to_string(),
        RosterError::UnterminatedQuote { line } => format!("{}{line}{line_word}", s.roster_quote),
        RosterError::MissingColumn(c) => format!("{}{c}", s.roster_missing),
        RosterError::UnknownColumn(c) => format!("{}{c}", s.roster_unknown),
        RosterError::BadCell {
            line,
            column,
            value,
        } => format!("{}{line}{line_word}, {column}: {value}", s.roster_bad_cell),
        RosterError::DuplicateRow { line } => format!("{}{line}{line_word}", s.roster_duplicate),
        RosterError::Empty => s.roster_empty.to_string(),
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
