//! Improvements made per compound on `/district`: how many of each kind and in how many
//! compounds, within the place looked at; the improvements (sortable, CSV); and, behind
//! the steward PIN, the form that records one or corrects it.

use leptos::prelude::*;

use super::form_kit::{Control, Picked, Places, RecordEditor, RecordForm, Spec, spec};
use crate::components::district::data_table::{Cell, DataTable};
use crate::domain::governance::Fields;
use crate::domain::governance::improvement::{self as k, Improvement, ImprovementKind, counts};
use crate::i18n::governance::GovernanceStrings;
use crate::platform::clock;
use crate::state::district::{use_district, use_governance_strings};

fn specs(g: &'static GovernanceStrings, compounds: Vec<(String, String)>) -> Vec<Spec> {
    let kinds = ImprovementKind::ALL
        .iter()
        .map(|c| (c.key().to_string(), g.improvement_kind(*c).to_string()))
        .collect();
    vec![
        spec(
            k::COMPOUND,
            g.compound_label,
            g.compound_hint,
            Control::Select(compounds),
        ),
        spec(
            k::KIND,
            g.improvement_kind_label,
            g.improvement_kind_hint,
            Control::Select(kinds),
        ),
        spec(
            k::DESCRIPTION,
            g.description_label,
            g.description_hint,
            Control::Text,
        ),
        spec(
            k::QUANTITY,
            g.quantity_label,
            g.quantity_hint,
            Control::Number,
        ),
        spec(k::DONE_ON, g.done_on_label, g.past_date_hint, Control::Date),
        spec(k::NOTE, g.note_label, g.note_hint, Control::Text),
    ]
}

fn row(i: &Improvement, name: &str, g: &'static GovernanceStrings) -> Vec<Cell> {
    let s = g.strings();
    let kind = match i.description.as_str() {
        "" => g.improvement_kind(i.kind).to_string(),
        d => s.with_note(g.improvement_kind(i.kind), d),
    };
    vec![
        Cell::text(g.sample_named(name, i.sample)),
        Cell::text(kind),
        Cell::count(i.quantity as usize),
        Cell::text(i.done_on.clone()),
        Cell::text(if i.note.is_empty() {
            "—".into()
        } else {
            i.note.clone()
        }),
    ]
}

#[component]
pub fn ImprovementSection() -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let g = use_governance_strings();
    // The compounds of the place looked at (the drill-down): what the figures count.
    let places = Places::looked_at();
    let compounds = places.here;
    let name_of = move |id: &str| places.name(id);
    let all = Memo::new(move |_| district.all_improvements());
    let summary = move || {
        let g = g();
        let n = compounds.with(|c| all.with(|a| counts(a, c)));
        let total: usize = n.by_kind.iter().map(|(_, n)| n).sum();
        if total == 0 {
            return g.improvement_none.to_string();
        }
        let kinds: Vec<String> = n
            .by_kind
            .iter()
            .map(|(kind, n)| {
                g.improvement_kind_count
                    .replace("{k}", g.improvement_kind(*kind))
                    .replace("{n}", &n.to_string())
            })
            .collect();
        g.improvement_counts
            .replace("{n}", &total.to_string())
            .replace("{c}", &n.compounds.to_string())
            .replace("{k}", &g.strings().list(&kinds))
    };
    let headers = Signal::derive(move || {
        let g = g();
        vec![
            g.compound_label,
            g.improvement_kind_label,
            g.quantity_label,
            g.done_on_label,
            g.note_label,
        ]
    });
    let rows = Signal::derive(move || {
        all.with(|all| {
            all.iter()
                .map(|i| row(i, &name_of(&i.compound), g()))
                .collect::<Vec<_>>()
        })
    });
    let options = places.choices();
    let picked = Picked::new(all, |i: &Improvement| &i.id);
    let fields = picked.fields;
    let pick = picked.pick(Improvement::fields);
    let submit = Callback::new(move |f: Fields| {
        let terms = compounds.with_untracked(|c| k::read(&f, c, clock::now()))?;
        let saved = Improvement::saved(picked.current().as_ref(), terms, clock::now());
        picked.saved(&saved);
        district.improvements.put(saved);
        Ok(())
    });
    view! {
        <section class="district__section" id="improvements" aria-labelledby="improvements-title">
            <h2 id="improvements-title">{move || g().improvement_title}</h2>
            <p class="district__figure" data-improvement-counts>{summary}</p>
            <DataTable name="improvements" caption=Signal::derive(move || g().improvement_title.to_string()) headers rows/>
            <RecordEditor kind="improvement" title=Signal::derive(move || g().improvement_form) options=Signal::derive(move || all.with(|a| a.iter().map(|i| (i.id.clone(), format!("{} · {} · {}", i.done_on, name_of(&i.compound), g().improvement_kind(i.kind)))).collect::<Vec<_>>())) pick>
                <RecordForm form="improvement" title=Signal::derive(move || g().improvement_form.to_string())
                    specs=Signal::derive(move || specs(g(), options.get())) fields submit/>
            </RecordEditor>
        </section>
    }
}
