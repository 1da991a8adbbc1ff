//! Key cases spanning many households on `/district`: cases open, households concerned
//! and resolved, within the place looked at; the cases (sortable, CSV); and, behind the
//! steward PIN, the form that records a case or corrects one (its progress, its
//! resolution).

use leptos::prelude::*;

use super::form_kit::{Control, Picked, Places, RecordEditor, RecordForm, Spec, spec};
use crate::components::district::data_table::{Cell, DataTable};
use crate::domain::governance::Fields;
use crate::domain::governance::case::{self as k, CaseKind, CaseStatus, KeyCase, counts};
use crate::i18n::governance::GovernanceStrings;
use crate::platform::clock;
use crate::state::district::{use_district, use_governance_strings};

fn specs(g: &'static GovernanceStrings, compounds: Vec<(String, String)>) -> Vec<Spec> {
    let kinds = CaseKind::ALL
        .iter()
        .map(|c| (c.key().to_string(), g.case_kind(*c).to_string()))
        .collect();
    let statuses = CaseStatus::ALL
        .iter()
        .map(|c| (c.key().to_string(), g.case_status(*c).to_string()))
        .collect();
    vec![
        spec(k::TITLE, g.case_title_label, g.company_hint, Control::Text),
        spec(
            k::KIND,
            g.case_kind_label,
            g.case_kind_hint,
            Control::Select(kinds),
        ),
        spec(
            k::COMPOUNDS,
            g.case_compounds_label,
            g.compounds_hint,
            Control::Choices(compounds),
        ),
        spec(
            k::HOUSEHOLDS,
            g.households_label,
            g.households_hint,
            Control::Number,
        ),
        spec(k::OPENED, g.opened_label, g.past_date_hint, Control::Date),
        spec(
            k::PROGRESS,
            g.progress_label,
            g.progress_hint,
            Control::Area,
        ),
        spec(
            k::STATUS,
            g.case_status_label,
            g.case_status_hint,
            Control::Select(statuses),
        ),
        spec(
            k::RESOLVED_ON,
            g.resolved_label,
            g.resolved_hint,
            Control::Date,
        ),
    ]
}

fn row(c: &KeyCase, names: &dyn Fn(&str) -> String, g: &'static GovernanceStrings) -> Vec<Cell> {
    let s = g.strings();
    let compounds: Vec<String> = c.compounds.iter().map(|id| names(id)).collect();
    let status = match &c.resolved_on {
        Some(d) => format!("{} {d}", g.case_status(c.status)),
        None => g.case_status(c.status).to_string(),
    };
    let latest = c
        .progress
        .iter()
        .max_by(|a, b| a.date.cmp(&b.date))
        .map_or_else(|| "—".into(), |p| format!("{} {}", p.date, p.what));
    vec![
        Cell::text(g.sample_named(&c.title, c.sample)),
        Cell::text(g.case_kind(c.kind)),
        Cell::text(s.list(&compounds)),
        Cell::count(c.households as usize),
        Cell::text(c.opened.clone()),
        Cell::text(latest),
        Cell::text(status),
        Cell::count(c.done() as usize),
    ]
}

#[component]
pub fn CaseSection() -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let g = use_governance_strings();
    // The compounds of the place looked at (the drill-down): what the figures count.
    let places = Places::looked_at();
    let compounds = places.here;
    let name_of = move |id: &str| places.name(id);
    let all = Memo::new(move |_| district.all_cases());
    let summary = move || {
        let n = compounds.with(|c| all.with(|a| counts(a, c)));
        g().case_counts
            .replace("{o}", &n.open.to_string())
            .replace("{h}", &n.households.to_string())
            .replace("{r}", &n.resolved.to_string())
    };
    let headers = Signal::derive(move || {
        let g = g();
        vec![
            g.case_title_label,
            g.case_kind_label,
            g.case_compounds_label,
            g.households_label,
            g.opened_label,
            g.latest_col,
            g.case_status_label,
            g.done_col,
        ]
    });
    let rows = Signal::derive(move || {
        all.with(|all| {
            all.iter()
                .map(|c| row(c, &name_of, g()))
                .collect::<Vec<_>>()
        })
    });
    let options = places.choices();
    let picked = Picked::new(all, |c: &KeyCase| &c.id);
    let fields = picked.fields;
    let pick = picked.pick(KeyCase::fields);
    let submit = Callback::new(move |f: Fields| {
        let terms = compounds.with_untracked(|c| k::read(&f, c, clock::now()))?;
        let saved = KeyCase::saved(picked.current().as_ref(), terms, clock::now());
        picked.saved(&saved);
        district.cases.put(saved);
        Ok(())
    });
    view! {
        <section class="district__section" id="cases" aria-labelledby="cases-title">
            <h2 id="cases-title">{move || g().case_title}</h2>
            <p class="district__figure" data-case-counts>{summary}</p>
            <DataTable name="cases" caption=Signal::derive(move || g().case_title.to_string()) headers rows/>
            <RecordEditor kind="case" title=Signal::derive(move || g().case_form) options=Signal::derive(move || all.with(|a| a.iter().map(|c| (c.id.clone(), format!("{} · {}", c.opened, c.title))).collect::<Vec<_>>())) pick>
                <RecordForm form="case" title=Signal::derive(move || g().case_form.to_string())
                    specs=Signal::derive(move || specs(g(), options.get())) fields submit/>
            </RecordEditor>
        </section>
    }
}
