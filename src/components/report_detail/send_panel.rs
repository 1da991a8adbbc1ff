//! Who should get the report, and the ways to send it that work without a server:
//! `sms:` to the routed steward with the report as text and its hand-off link, or the
//! share sheet / copy, or a QR code of the link for a steward standing beside the lead.
//! Once the reporter has confirmed, the same panel sends their answer instead.

use leptos::prelude::*;

use crate::components::handoff::HandoffSend;
use crate::domain::compound::Compound;
use crate::domain::phone::parse_phone;
use crate::domain::report::{Report, Status};
use crate::format::handoff::{Kind, Message, ReportCopy, Steps};
use crate::i18n::Strings;
use crate::i18n::handoff::HandoffStrings;
use crate::i18n::share::report_text;
use crate::state::{use_handoff_strings, use_state, use_strings};

/// Who should get the report (or, once confirmed, the reporter's answer), and how.
#[component]
pub fn SendPanel(
    /// The report to send.
    report: Report,
    /// Its compound, for the steward lookup.
    compound: Option<Compound>,
    /// The place written out.
    place: String,
) -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let h = use_handoff_strings();
    let steward = compound.as_ref().and_then(|c| {
        report
            .assigned
            .as_ref()
            .and_then(|id| c.stewards.iter().find(|s| &s.id == id))
            .cloned()
    });
    let answer = report.status() == Status::Confirmed;
    let (message, intro): (Message, fn(&HandoffStrings) -> &'static str) = if answer {
        (Message::Answer(Steps::of(&report, Kind::Answer)), |h| {
            h.link_line_answer
        })
    } else {
        (Message::Report(Box::new(ReportCopy::of(&report))), |h| {
            h.link_line_report
        })
    };
    let photos = report.photos.len();
    let summary = {
        let report = report.clone();
        Signal::derive(move || {
            let text = report_text(&report, &place, state.lang.get());
            match photos {
                0 => text,
                _ => format!("{text}\n{}", h().photos_stay),
            }
        })
    };
    let sms = steward.as_ref().and_then(|st| {
        let phone = parse_phone(&st.phone).ok()?;
        let (role, who) = (st.role, format!("{} {}", st.name, phone.display()));
        let label =
            Signal::derive(move || format!("{} {} {who}", s().app().send_sms, s().role(role)));
        Some((phone, label))
    });
    let has_sms = sms.is_some();
    let title = move || {
        if answer {
            h().send_answer
        } else {
            s().app().send_title
        }
    };
    // A signed-in resident's report goes to the stewards by sync (`filed_by`); sending it
    // by hand is then only for haste.
    let synced = report.filed_by.is_some();
    let hint = move || match (answer, synced) {
        (true, _) => h().send_answer_hint,
        (false, true) => s().app().send_hint_synced,
        (false, false) => s().app().send_hint,
    };
    let label: fn(&Strings) -> &'static str = |s| s.app().share_report;
    view! {
        <section class="send notice notice--info" aria-labelledby="send-title">
            <h2 id="send-title">{title}</h2>
            <p class="hint">{hint}</p>
            {(!has_sms).then(|| view! { <p>{move || s().app().no_steward}</p> })}
            <HandoffSend message=message summary=summary intro=intro sms=sms
                title=report.id.clone() share_label=label qr=!answer/>
        </section>
    }
}
