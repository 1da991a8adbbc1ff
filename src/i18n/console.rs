//! The steward console's words, apart from the residents' catalogue: the console is its
//! own wasm, and residents should not download what only stewards read. Same rules as
//! `Strings`: one struct, one constant per language, a missing string does not compile.

use super::{Lang, Strings};
use crate::domain::logs::LogError;
use crate::domain::money::MoneyError;
use crate::domain::notice::NoticeError;
use crate::domain::phone::PhoneError;
use crate::domain::records::MediationKind;
use crate::domain::steward_profile::ProfileError;

pub struct ConsoleStrings {
    pub steward_title: &'static str,
    pub pin_explain: &'static str,
    pub pin_set_title: &'static str,
    pub pin_label: &'static str,
    pub pin_again_label: &'static str,
    pub pin_set_button: &'static str,
    pub pin_enter_title: &'static str,
    pub pin_enter_button: &'static str,
    pub pin_wrong: &'static str,
    pub pin_locked: &'static str,
    pub pin_err_length: &'static str,
    pub pin_err_digits: &'static str,
    pub pin_err_mismatch: &'static str,
    pub pin_err_crypto: &'static str,
    pub forgot_pin: &'static str,
    pub forgot_confirm: &'static str,
    pub lock_now: &'static str,
    pub auto_lock_hint: &'static str,
    pub profile_title: &'static str,
    pub role_label: &'static str,
    pub my_compounds: &'static str,
    pub save_profile: &'static str,
    pub profile_saved: &'static str,
    pub err_no_compound: &'static str,
    pub working_on: &'static str,
    pub notices_manage: &'static str,
    pub notice_title_label: &'static str,
    pub notice_body_label: &'static str,
    pub notice_pinned_label: &'static str,
    pub notice_expires_label: &'static str,
    pub notice_post: &'static str,
    pub notice_save: &'static str,
    pub notice_edit: &'static str,
    pub notice_take_down: &'static str,
    pub notice_posted: &'static str,
    pub notice_expired_tag: &'static str,
    pub err_expiry: &'static str,
    pub err_date: &'static str,
    pub log_title: &'static str,
    pub mediation_title: &'static str,
    pub mediation_kind_label: &'static str,
    pub kind_pre_litigation: &'static str,
    pub kind_oral: &'static str,
    pub parties_label: &'static str,
    pub subject_label: &'static str,
    pub amount_label: &'static str,
    pub succeeded_label: &'static str,
    pub outcome_label: &'static str,
    pub mediator_label: &'static str,
    pub date_label: &'static str,
    pub save_mediation: &'static str,
    pub arrears_title: &'static str,
    pub households_label: &'static str,
    pub recovered_label: &'static str,
    pub save_arrears: &'static str,
    pub log_saved: &'static str,
    pub err_amount: &'static str,
    pub err_precise: &'static str,
    pub err_large: &'static str,
    pub err_future: &'static str,
    pub err_households: &'static str,
    pub compound_totals: &'static str,
    pub work_done: &'static str,
    pub pre_litigation_done: &'static str,
    pub oral_done: &'static str,
    pub involved: &'static str,
    pub arrears_done: &'static str,
    pub households_word: &'static str,
    pub recorded_here: &'static str,
}

pub const ZH: ConsoleStrings = ConsoleStrings {
    steward_title: "管家模式",
    pin_explain: "PIN 只能防止别人顺手打开共用手机上的管家模式，防不住拿到这台手机又懂技术的人。",
    pin_set_title: "设置管家模式 PIN",
    pin_label: "PIN（4 到 8 位数字）",
    pin_again_label: "再输一次 PIN",
    pin_set_button: "保存 PIN",
    pin_enter_title: "输入 PIN 进入管家模式",
    pin_enter_button: "进入",
    pin_wrong: "PIN 不对。锁定前还可以试（次）：",
    pin_locked: "PIN 输错太多次，已暂时锁定。请过这么久再试（秒）：",
    pin_err_length: "PIN 要 4 到 8 位",
    pin_err_digits: "PIN 只能是数字 0–9",
    pin_err_mismatch: "两次输入的 PIN 不一样",
    pin_err_crypto: "这个浏览器无法安全保存 PIN：",
    forgot_pin: "忘记 PIN",
    forgot_confirm: "这会清除管家模式的设置（PIN 和个人资料）。报事、名册和公告都不受影响。继续吗？",
    lock_now: "锁定管家模式",
    auto_lock_hint: "10 分钟不操作会自动锁定。",
    profile_title: "我是谁，负责哪些小区",
    role_label: "角色",
    my_compounds: "我负责的小区（可多选）",
    save_profile: "保存资料",
    profile_saved: "资料已保存",
    err_no_compound: "请至少选一个小区",
    working_on: "正在处理的小区",
    notices_manage: "发布和管理公告",
    notice_title_label: "公告标题",
    notice_body_label: "公告内容",
    notice_pinned_label: "置顶",
    notice_expires_label: "到期日期（可不填）",
    notice_post: "发布公告",
    notice_save: "保存修改",
    notice_edit: "修改",
    notice_take_down: "下架",
    notice_posted: "公告已保存，居民马上就能看到",
    notice_expired_tag: "已下架",
    err_expiry: "到期日期要晚于今天",
    err_date: "请用日历选一个日期",
    log_title: "调解和收回欠费记录",
    mediation_title: "记录一次调解",
    mediation_kind_label: "调解类型",
    kind_pre_litigation: "诉前调解",
    kind_oral: "口头调解",
    parties_label: "当事人",
    subject_label: "事由",
    amount_label: "涉及金额（元，可为 0）",
    succeeded_label: "调解成功",
    outcome_label: "结果（可不填）",
    mediator_label: "调解人（可不填）",
    date_label: "日期",
    save_mediation: "记录调解",
    arrears_title: "记录收回的欠缴物业费",
    households_label: "户数",
    recovered_label: "收回金额（元）",
    save_arrears: "记录收回欠费",
    log_saved: "已记录",
    err_amount: "请填写金额，例如 1234.50",
    err_precise: "金额最多两位小数",
    err_large: "金额太大，请核对",
    err_future: "日期不能晚于今天",
    err_households: "请填写户数（至少 1 户）",
    compound_totals: "本小区合计",
    work_done: "调解和收回欠费",
    pre_litigation_done: "诉前调解成功（件）",
    oral_done: "口头调解成功（件）",
    involved: "涉及（元）",
    arrears_done: "收回欠缴物业费（元）",
    households_word: "户",
    recorded_here: "本机记录",
};

pub const EN: ConsoleStrings = ConsoleStrings {
    steward_title: "Steward mode",
    pin_explain: "The PIN stops casual use of a shared phone, not someone who has the phone and knows how.",
    pin_set_title: "Set a steward-mode PIN",
    pin_label: "PIN (4 to 8 digits)",
    pin_again_label: "Type the PIN again",
    pin_set_button: "Save PIN",
    pin_enter_title: "Enter the PIN for steward mode",
    pin_enter_button: "Enter",
    pin_wrong: "Wrong PIN. Tries left before a lock: ",
    pin_locked: "Too many wrong tries: locked for a while. Try again in (seconds): ",
    pin_err_length: "A PIN has 4 to 8 digits",
    pin_err_digits: "A PIN is made of the digits 0–9",
    pin_err_mismatch: "The two PINs differ",
    pin_err_crypto: "This browser cannot keep a PIN safely: ",
    forgot_pin: "Forgot the PIN",
    forgot_confirm: "This clears the steward-mode settings (PIN and profile). Reports, rosters and notices stay. Continue?",
    lock_now: "Lock steward mode",
    auto_lock_hint: "It locks itself after 10 minutes without a tap.",
    profile_title: "Who I am and what I look after",
    role_label: "Role",
    my_compounds: "Compounds I look after (one or more)",
    save_profile: "Save profile",
    profile_saved: "Profile saved",
    err_no_compound: "Choose at least one compound",
    working_on: "Working on",
    notices_manage: "Post and manage notices",
    notice_title_label: "Title",
    notice_body_label: "Text",
    notice_pinned_label: "Pin to the top",
    notice_expires_label: "Expires on (optional)",
    notice_post: "Post notice",
    notice_save: "Save changes",
    notice_edit: "Edit",
    notice_take_down: "Take down",
    notice_posted: "Notice saved; residents see it now",
    notice_expired_tag: "Taken down",
    err_expiry: "The expiry date must be after today",
    err_date: "Pick a date from the calendar",
    log_title: "Mediation and arrears log",
    mediation_title: "Record a mediation",
    mediation_kind_label: "Kind",
    kind_pre_litigation: "Pre-litigation",
    kind_oral: "Oral",
    parties_label: "Parties",
    subject_label: "Subject",
    amount_label: "Amount involved (yuan, may be 0)",
    succeeded_label: "Settled",
    outcome_label: "Outcome (optional)",
    mediator_label: "Mediator (optional)",
    date_label: "Date",
    save_mediation: "Record mediation",
    arrears_title: "Record property-fee arrears recovered",
    households_label: "Households",
    recovered_label: "Amount recovered (yuan)",
    save_arrears: "Record arrears recovered",
    log_saved: "Recorded",
    err_amount: "Write an amount, such as 1234.50",
    err_precise: "At most two decimals",
    err_large: "That amount is too large; please check it",
    err_future: "The date cannot be after today",
    err_households: "Write the number of households (at least 1)",
    compound_totals: "This compound, in total",
    work_done: "Mediation and arrears",
    pre_litigation_done: "Pre-litigation mediations settled",
    oral_done: "Oral mediations settled",
    involved: "Involved (yuan)",
    arrears_done: "Arrears recovered (yuan)",
    households_word: "households",
    recorded_here: "Recorded here",
};

pub fn console_strings(lang: Lang) -> &'static ConsoleStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl ConsoleStrings {
    pub fn mediation_kind(&self, kind: MediationKind) -> &'static str {
        match kind {
            MediationKind::PreLitigation => self.kind_pre_litigation,
            MediationKind::Oral => self.kind_oral,
        }
    }

    pub fn money_error(&self, error: MoneyError) -> &'static str {
        match error {
            MoneyError::NotAnAmount => self.err_amount,
            MoneyError::TooPrecise => self.err_precise,
            MoneyError::TooLarge => self.err_large,
        }
    }

    /// Why a log entry cannot be recorded as written.
    pub fn log_error(&self, error: &LogError, s: &Strings) -> String {
        match error {
            LogError::Parties(e)
            | LogError::Subject(e)
            | LogError::Outcome(e)
            | LogError::Mediator(e) => s.text_error(e),
            LogError::FutureDate => self.err_future.to_string(),
            LogError::NoHouseholds => self.err_households.to_string(),
        }
    }

    /// Why a notice cannot be posted as written.
    pub fn notice_error(&self, error: &NoticeError, s: &Strings) -> String {
        match error {
            NoticeError::Title(e) | NoticeError::Body(e) => s.text_error(e),
            NoticeError::ExpiresInThePast => self.err_expiry.to_string(),
        }
    }

    /// Why a steward profile cannot be saved.
    pub fn profile_error(&self, error: &ProfileError, s: &Strings) -> String {
        match error {
            ProfileError::Name(e) => s.text_error(e),
            ProfileError::Phone(PhoneError::BadCharacters) => s.err_phone_chars.to_string(),
            ProfileError::Phone(_) => s.err_phone_number.to_string(),
            ProfileError::NoCompound => self.err_no_compound.to_string(),
        }
    }
}
