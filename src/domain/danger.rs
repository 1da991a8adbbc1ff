//! The danger screen: a report marked 非常紧急（有危险） first offers one-tap calls to the
//! public emergency services and the compound's own emergency lines, then lets the report
//! go on. Which calls, in which order, is decided here.

use super::compound::{Compound, EmergencyKind};
use super::phone::{Phone, parse_phone};
use super::report::Urgency;

/// The public emergency services every phone in China can call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PublicService {
    Fire,
    Ambulance,
    Police,
}

impl PublicService {
    /// Fire first (a gas smell or a fire is the commonest danger in an old compound),
    /// then the ambulance, then the police.
    pub const ALL: [PublicService; 3] = [
        PublicService::Fire,
        PublicService::Ambulance,
        PublicService::Police,
    ];

    pub fn number(self) -> &'static str {
        match self {
            PublicService::Police => "110",
            PublicService::Fire => "119",
            PublicService::Ambulance => "120",
        }
    }
}

/// Who a danger call reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DangerLine {
    Public(PublicService),
    /// One of the compound's own lines, from its roster.
    Compound(EmergencyKind),
}

/// One call the danger screen offers: who, and the number checked for `tel:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DangerCall {
    pub line: DangerLine,
    pub phone: Phone,
}

/// Whether choosing this urgency shows the danger screen first.
pub fn shows_danger_screen(urgency: Urgency) -> bool {
    urgency == Urgency::Emergency
}

/// The calls in the order they show: 119, 120, 110, then the compound's gas, power and
/// lift lines (in that order, each once: the first number for it that can be dialled;
/// blank or undiallable ones skipped). A compound unknown here still gets the public
/// services.
pub fn danger_calls(compound: Option<&Compound>) -> Vec<DangerCall> {
    let public = PublicService::ALL.into_iter().filter_map(|p| {
        let phone = parse_phone(p.number()).ok()?;
        Some(DangerCall {
            line: DangerLine::Public(p),
            phone,
        })
    });
    let lines = compound.map(|c| c.emergency.as_slice()).unwrap_or_default();
    let own = EmergencyKind::ALL.into_iter().filter_map(|kind| {
        let phone = lines
            .iter()
            .filter(|l| l.kind == kind)
            .find_map(|l| parse_phone(&l.phone).ok())?;
        Some(DangerCall {
            line: DangerLine::Compound(kind),
            phone,
        })
    });
    public.chain(own).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::EmergencyLine;

    fn line(kind: EmergencyKind, phone: &str) -> EmergencyLine {
        EmergencyLine {
            kind,
            phone: phone.into(),
        }
    }

    #[test]
    fn only_the_danger_urgency_shows_the_screen() {
        assert!(shows_danger_screen(Urgency::Emergency));
        assert!(!shows_danger_screen(Urgency::Urgent));
        assert!(!shows_danger_screen(Urgency::Normal));
    }

    #[test]
    fn public_services_first_then_the_compound_lines_in_kind_order() {
        let mut c = Compound::new("d");
        c.emergency = vec![
            line(EmergencyKind::Lift, "0731-00003001"),
            line(EmergencyKind::Gas, "0731-0000 9001&body=x"),
            line(EmergencyKind::Gas, " 0731-00009001 "),
            line(EmergencyKind::Power, "  "),
            line(EmergencyKind::Gas, "0731-99999999"),
        ];
        let numbers: Vec<String> = danger_calls(Some(&c))
            .iter()
            .map(|c| c.phone.display())
            .collect();
        assert_eq!(
            numbers,
            ["119", "120", "110", "0731-00009001", "0731-00003001"],
            "a blank power line is skipped, the first diallable gas line wins"
        );
    }

    #[test]
    fn an_unknown_compound_still_gets_the_public_services() {
        let calls = danger_calls(None);
        assert_eq!(calls.len(), 3);
        assert!(
            calls
                .iter()
                .all(|c| matches!(c.line, DangerLine::Public(_)))
        );
        assert_eq!(calls[0].phone.tel_href(), "tel:119");
    }
}
