//! Messages for the domain's errors in the console, from the console catalogue.

use super::ConsoleStrings;
use crate::domain::compound_facts::{FactsError, FactsField};
use crate::domain::logs::LogError;
use crate::domain::money::MoneyError;
use crate::domain::notice::NoticeError;
use crate::domain::phone::PhoneError;
use crate::domain::queue::QueueFilter;
use crate::domain::records::MediationKind;
use crate::domain::report_changes::{ChangeError, ChangeKind as Change};
use crate::domain::roster_edit::ChangeKind as Edit;
use crate::domain::roster_edit::StewardError;
use crate::domain::steward_profile::ProfileError;
use crate::format::documents::DocKind;
use crate::i18n::Strings;

impl ConsoleStrings {
    pub fn mediation_kind(&self, kind: MediationKind) -> &'static str {
        match kind {
            MediationKind::PreLitigation => self.kind_pre_litigation,
            MediationKind::Oral => self.kind_oral,
        }
    }

    pub fn change_error(&self, error: &ChangeError) -> String {
        (self.change_errors)(error)
    }

    pub fn facts_label(&self, field: FactsField) -> &'static str {
        (self.facts_labels)(field)
    }

    pub fn change_kind(&self, kind: Edit) -> &'static str {
        (self.change_kinds)(kind)
    }

    pub fn queue_tab(&self, filter: QueueFilter) -> &'static str {
        (self.queue_tabs)(filter)
    }

    pub fn change_option(&self, kind: Change) -> &'static str {
        (self.change_options)(kind)
    }

    pub fn change_to_label(&self, kind: Change) -> &'static str {
        (self.change_to)(kind)
    }

    pub fn conflict_kind(&self, kind: DocKind) -> &'static str {
        (self.conflict_kinds)(kind)
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

    /// Why a steward cannot be saved as typed.
    pub fn steward_error(&self, error: &StewardError, s: &Strings) -> String {
        match error {
            StewardError::Name(e) | StewardError::Title(e) | StewardError::DutyHours(e) => {
                s.text_error(e)
            }
            StewardError::Phone(PhoneError::BadCharacters) => s.err_phone_chars.to_string(),
            StewardError::Phone(_) => s.err_phone_number.to_string(),
            StewardError::Scope => self.err_scope.to_string(),
        }
    }

    /// Why compound details cannot be saved as typed.
    pub fn facts_error(&self, error: &FactsError, s: &Strings) -> String {
        match error {
            FactsError::Name(e)
            | FactsError::Community(e)
            | FactsError::Subdistrict(e)
            | FactsError::PropertyCompany(e)
            | FactsError::Facilities(e) => s.text_error(e),
            FactsError::Built => (self.err_built)(),
            FactsError::Households => (self.err_households_count)(),
            FactsError::Hotline(PhoneError::BadCharacters)
            | FactsError::CommunityPhone(PhoneError::BadCharacters) => {
                s.err_phone_chars.to_string()
            }
            FactsError::Emergency(_, PhoneError::BadCharacters) => s.err_phone_chars.to_string(),
            FactsError::Hotline(_) | FactsError::CommunityPhone(_) | FactsError::Emergency(..) => {
                s.err_phone_number.to_string()
            }
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
