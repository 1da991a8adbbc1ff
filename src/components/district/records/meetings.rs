//! The routines on `/district`: quarterly 物业管理专题会议 held this quarter, follow-ups not
//! done and past due; the meetings (sortable, CSV); and, behind the steward PIN, the form
//! that records a meeting or corrects one (marking a follow-up done).

use leptos::prelude::*;

use super::form_kit::{Control, Picked, RecordEditor, RecordForm, Spec, spec};
use crate::components::district::data_table::{Cell, DataTable};
use crate::domain::Millis;
use crate::domain::governance::Fields;
use crate::domain::governance::meeting::{self as k, Meeting, MeetingKind, counts};
use crate::domain::time::parse_date;
use crate::i18n::governance::GovernanceStrings;
use crate::platform::clock;
use crate::state::district::{use_district, use_governance_strings};

fn specs(g: &'static GovernanceStrings) -> Vec<Spec> {
    let kinds = MeetingKind::ALL
        .iter()
        .map(|m| (m.key().to_string(), g.meeting_kind(*m).to_string()))
        .collect();
    vec![
        spec(
            k::KIND,
            g.meeting_kind_label,
            g.meeting_kind_hint,
            Control::Select(kinds),
        ),
        spec(
            k::DATE,
            g.meeting_date_label,
            g.past_date_hint,
            Control::Date,
        ),
        spec(
            k::ATTENDEES,
            g.attendees_label,
            g.attendees_hint,
            Control::Area,
        ),
        spec(
            k::DECISIONS,
            g.decisions_label,
            g.decisions_hint,
            Control::Area,
        ),
        spec(
            k::FOLLOW_UPS,
            g.follow_ups_label,
            g.follow_ups_hint,
            Control::Area,
        ),
    ]
}

fn row(m: &Meeting, g: &'static GovernanceStrings, today: Millis) -> Vec<Cell> {
    let s = g.strings();
    let kind = g.meeting_kind(m.kind);
    let open: Vec<&k::FollowUp> = m.follow_ups.iter().filter(|u| !u.done).collect();
    let late = open
        .iter()
        .filter(|u| parse_date(&u.due).is_some_and(|d| d < today))
        .count();
    let follow: Vec<String> = m
        .follow_ups
        .iter()
        .map(|u| {
            let who_when = [
                u.owner.clone(),
                format!("{}{}", u.due, if u.done { g.done_mark } else { "" }),
            ];
            s.with_note(&u.what, &s.list(&who_when))
        })
        .collect();
    vec![
        Cell::text(g.sample_named(&m.date, m.sample)),
        Cell::text(kind),
        Cell::text(s.list(&m.attendees)),
        Cell::text(if m.decisions.is_empty() {
            "—".into()
        } else {
            s.clauses(&m.decisions)
        }),
        Cell::text(if follow.is_empty() {
            "—".into()
        } else {
            s.clauses(&follow)
        }),
        Cell::count(open.len()),
        Cell::count(late),
    ]
}

#[component]
pub fn MeetingSection(
    /// "Now", fixed when the page opened.
    now: Millis,
) -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let g = use_governance_strings();
    let all = Memo::new(move |_| district.all_meetings());
    let summary = move || {
        let n = all.with(|a| counts(a, now));
        g().meeting_counts
            .replace("{q}", &n.this_quarter.to_string())
            .replace("{o}", &n.open.to_string())
            .replace("{l}", &n.late.to_string())
    };
    let headers = Signal::derive(move || {
        let g = g();
        vec![
            g.meeting_date_label,
            g.meeting_kind_label,
            g.attendees_col,
            g.decisions_col,
            g.follow_ups_col,
            g.open_col,
            g.late_col,
        ]
    });
    let rows = Signal::derive(move || {
        all.with(|all| all.iter().map(|m| row(m, g(), now)).collect::<Vec<_>>())
    });
    let picked = Picked::new(all, |m: &Meeting| &m.id);
    let fields = picked.fields;
    let pick = picked.pick(Meeting::fields);
    let submit = Callback::new(move |f: Fields| {
        let terms = k::read(&f, clock::now())?;
        let saved = Meeting::saved(picked.current().as_ref(), terms, clock::now());
        picked.saved(&saved);
        district.meetings.put(saved);
        Ok(())
    });
    view! {
        <section class="district__section" id="meetings" aria-labelledby="meetings-title">
            <h2 id="meetings-title">{move || g().meeting_title}</h2>
            <p class="district__figure" data-meeting-counts>{summary}</p>
            <DataTable name="meetings" caption=Signal::derive(move || g().meeting_title.to_string()) headers rows/>
            <RecordEditor kind="meeting" title=Signal::derive(move || g().meeting_form) options=Signal::derive(move || all.with(|a| a.iter().map(|m| (m.id.clone(), format!("{} · {}", m.date, g().meeting_kind(m.kind)))).collect::<Vec<_>>())) pick>
                <RecordForm form="meeting" title=Signal::derive(move || g().meeting_form.to_string())
                    specs=Signal::derive(move || specs(g())) fields submit/>
            </RecordEditor>
        </section>
    }
}
