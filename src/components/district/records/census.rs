//! 党员摸底 on `/district`: party members counted, compounds counted of all, officials and
//! how many reported in (报到), within the place looked at; the list per compound (figures
//! only: date, members, officials, reported in, the distribution by building; sortable,
//! CSV); and, behind the steward PIN, the form that enters or corrects a compound's count.
//! Names show only in that form: they are personal data.

use leptos::prelude::*;

use super::form_kit::{Control, Places, RecordEditor, RecordForm, Spec, spec};
use crate::components::district::data_table::{Cell, DataTable};
use crate::domain::governance::Fields;
use crate::domain::governance::census::{self as k, Census, counts};
use crate::i18n::governance::GovernanceStrings;
use crate::platform::clock;
use crate::state::district::{use_district, use_governance_strings};

fn specs(g: &'static GovernanceStrings, compounds: Vec<(String, String)>) -> Vec<Spec> {
    vec![
        spec(
            k::COMPOUND,
            g.compound_label,
            g.compound_hint,
            Control::Select(compounds),
        ),
        spec(
            k::DATE,
            g.census_date_label,
            g.past_date_hint,
            Control::Date,
        ),
        spec(
            k::MEMBERS,
            g.party_members_label,
            g.party_members_hint,
            Control::Area,
        ),
    ]
}

fn row(c: &Census, name: &str, g: &'static GovernanceStrings) -> Vec<Cell> {
    let s = g.strings();
    let t = &c.tally;
    let spread: Vec<String> = t
        .by_building
        .iter()
        .map(|b| {
            g.building_count
                .replace("{b}", &b.building)
                .replace("{n}", &b.members.to_string())
        })
        .collect();
    let n = |v: u32| Cell::count(usize::try_from(v).unwrap_or(usize::MAX));
    vec![
        Cell::text(g.sample_named(name, c.sample)),
        Cell::text(c.date.clone()),
        n(t.members()),
        n(t.officials),
        n(t.reported),
        Cell::text(if spread.is_empty() {
            "—".into()
        } else {
            s.list(&spread)
        }),
    ]
}

#[component]
pub fn CensusSection() -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let g = use_governance_strings();
    // The compounds of the place looked at (the drill-down's): the figures and the list
    // are theirs.
    let places = Places::looked_at();
    let compounds = places.here;
    let name_of = move |id: &str| places.name(id);
    let all = Memo::new(move |_| {
        let held = district.all_censuses();
        compounds.with(|c| {
            held.into_iter()
                .filter(|k| c.iter().any(|c| c.id == k.compound))
                .collect::<Vec<_>>()
        })
    });
    let summary = move || {
        let n = compounds.with(|c| all.with(|k| counts(c, k)));
        g().census_counts
            .replace("{m}", &n.members.to_string())
            .replace("{c}", &n.counted.to_string())
            .replace("{a}", &n.compounds.to_string())
            .replace("{o}", &n.officials.to_string())
            .replace("{r}", &n.reported.to_string())
            .replace("{n}", &n.officials.saturating_sub(n.reported).to_string())
    };
    let headers = Signal::derive(move || {
        let g = g();
        vec![
            g.compound_label,
            g.census_date_label,
            g.party_members_col,
            g.officials_col,
            g.reported_col,
            g.distribution_col,
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
        let held = all.with_untracked(|all| all.iter().find(|c| c.id == id).map(Census::fields));
        fields.set(held.unwrap_or_default());
    });
    let submit = Callback::new(move |f: Fields| {
        let terms = compounds.with_untracked(|c| k::read(&f, c, clock::now()))?;
        district.censuses.put(Census::saved(terms, clock::now()));
        Ok(())
    });
    view! {
        <section class="district__section" id="census" aria-labelledby="census-title">
            <h2 id="census-title">{move || g().census_title}</h2>
            <p class="district__figure" data-census-counts>{summary}</p>
            <p class="hint">{move || g().census_explain}</p>
            <DataTable name="census" caption=Signal::derive(move || g().census_title.to_string()) headers rows/>
            <RecordEditor kind="census" title=Signal::derive(move || g().census_form) options=Signal::derive(move || all.with(|a| a.iter().map(|c| (c.id.clone(), name_of(&c.compound))).collect::<Vec<_>>())) pick>
                <RecordForm form="census" title=Signal::derive(move || g().census_form.to_string())
                    specs=Signal::derive(move || specs(g(), options.get())) fields submit/>
            </RecordEditor>
        </section>
    }
}
