//! 业委会 per compound on `/district`: how many compounds have one, are preparing one or
//! have none; the list (sortable, CSV); and, behind the steward PIN, the form that enters
//! or corrects a compound's record.

use leptos::prelude::*;

use super::form_kit::{Control, Places, RecordEditor, RecordForm, Spec, spec};
use crate::components::district::data_table::{Cell, DataTable};
use crate::domain::Millis;
use crate::domain::governance::Fields;
use crate::domain::governance::committee::{self as k, Committee, Stage, Step, counts, last_step};
use crate::i18n::governance::GovernanceStrings;
use crate::platform::clock;
use crate::state::district::use_district;
use crate::state::district::use_governance_strings;

fn specs(g: &'static GovernanceStrings, compounds: Vec<(String, String)>) -> Vec<Spec> {
    let stages = Stage::ALL
        .iter()
        .map(|s| (s.key().to_string(), g.stage(*s).to_string()))
        .collect();
    let mut all = vec![
        spec(
            k::COMPOUND,
            g.compound_label,
            g.compound_hint,
            Control::Select(compounds),
        ),
        spec(
            k::STAGE,
            g.stage_label,
            g.stage_hint,
            Control::Select(stages),
        ),
    ];
    all.extend(Step::ALL.map(|s| spec(s.field(), g.step(s), g.step_hint, Control::Date)));
    all.extend([
        spec(k::MEMBERS, g.members_label, g.members_hint, Control::Area),
        spec(
            k::TERM_START,
            g.term_start_label,
            g.term_hint,
            Control::Date,
        ),
        spec(k::TERM_END, g.term_end_label, g.term_hint, Control::Date),
        spec(k::NOTE, g.note_label, g.note_hint, Control::Text),
    ]);
    all
}

fn row(c: &Committee, name: &str, g: &'static GovernanceStrings) -> Vec<Cell> {
    let s = &c.current;
    let mark = g.sample_named(name, c.sample);
    let term = match (&s.term_start, &s.term_end) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "—".into(),
    };
    let history: Vec<&str> = c.history.iter().map(|h| g.stage(h.stage)).collect();
    vec![
        Cell::text(mark),
        Cell::text(g.stage(s.stage)),
        Cell::text(
            last_step(s).map_or_else(|| "—".into(), |(st, d)| format!("{} {d}", g.step(*st))),
        ),
        Cell::count(s.members.len()),
        Cell::text(term),
        Cell::text(if history.is_empty() {
            "—".into()
        } else {
            history.join(" → ")
        }),
        Cell::text(k::saved_on(c)),
    ]
}

#[component]
pub fn CommitteeSection(
    /// "Now", fixed when the page opened.
    now: Millis,
) -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let g = use_governance_strings();
    let places = Places::looked_at();
    let compounds = places.here;
    let name_of = move |id: &str| places.name(id);
    let all = Memo::new(move |_| district.all_committees());
    let n = Memo::new(move |_| compounds.with(|c| all.with(|k| counts(c, k, now))));
    let summary = move || {
        let n = n.get();
        g().committee_counts
            .replace("{e}", &n.elected.to_string())
            .replace("{p}", &n.preparing.to_string())
            .replace("{n}", &n.none.to_string())
            .replace("{x}", &n.expired.to_string())
    };
    let headers = Signal::derive(move || {
        let g = g();
        vec![
            g.compound_label,
            g.stage_label,
            g.last_step_col,
            g.members_col,
            g.term_col,
            g.history_col,
            g.saved_col,
        ]
    });
    let rows = Signal::derive(move || {
        all.with(|all| {
            all.iter()
                .map(|c| row(c, &name_of(&c.compound), g()))
                .collect::<Vec<_>>()
        })
    });
    let options = places.choices();
    let fields = RwSignal::new(Fields::default());
    let pick = Callback::new(move |id: String| {
        let held = all.with_untracked(|all| all.iter().find(|c| c.id == id).map(Committee::fields));
        fields.set(held.unwrap_or_default());
    });
    let submit = Callback::new(move |f: Fields| {
        let (compound, state) = compounds.with_untracked(|c| k::read(&f, c, clock::now()))?;
        let held = all.with_untracked(|all| all.iter().find(|c| c.compound == compound).cloned());
        district.committees.put(Committee::saved(
            held.as_ref(),
            &compound,
            state,
            clock::now(),
        ));
        Ok(())
    });
    view! {
        <section class="district__section" id="committees" aria-labelledby="committees-title">
            <h2 id="committees-title">{move || g().committee_title}</h2>
            <p class="district__figure" data-committee-counts>{summary}</p>
            <DataTable name="committees" caption=Signal::derive(move || g().committee_title.to_string()) headers rows/>
            <RecordEditor kind="committee" title=Signal::derive(move || g().committee_form) options=Signal::derive(move || all.with(|a| a.iter().map(|c| (c.id.clone(), name_of(&c.compound))).collect::<Vec<_>>())) pick>
                <RecordForm form="committee" title=Signal::derive(move || g().committee_form.to_string())
                    specs=Signal::derive(move || specs(g(), options.get())) fields submit/>
            </RecordEditor>
        </section>
    }
}
