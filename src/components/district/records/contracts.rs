//! 连片托管 contracts on `/district`: how many are in force and the compounds they cover;
//! the list (sortable, CSV), the published list's contracts migrated into it; and, behind
//! the steward PIN, the form that enters a contract or corrects, renews or ends one.

use leptos::prelude::*;

use super::form_kit::{Control, Picked, Places, RecordEditor, RecordForm, Spec, spec};
use crate::components::district::data_table::{Cell, DataTable};
use crate::domain::Millis;
use crate::domain::governance::Fields;
use crate::domain::governance::contract::{
    self as k, Change, Scope, ServiceContract, coverage, fee_text,
};
use crate::i18n::governance::GovernanceStrings;
use crate::platform::clock;
use crate::state::district::use_district;
use crate::state::district::use_governance_strings;

fn specs(g: &'static GovernanceStrings, compounds: Vec<(String, String)>) -> Vec<Spec> {
    let scopes = Scope::ALL
        .iter()
        .map(|s| (s.key().to_string(), g.scope(*s).to_string()))
        .collect();
    let changes = Change::ALL
        .iter()
        .map(|c| (c.key().to_string(), g.change(*c).to_string()))
        .collect();
    vec![
        spec(k::COMPANY, g.company_label, g.company_hint, Control::Text),
        spec(
            k::COMPOUNDS,
            g.compounds_label,
            g.compounds_hint,
            Control::Choices(compounds),
        ),
        spec(k::START, g.start_label, g.start_hint, Control::Date),
        spec(k::TERM, g.term_label, g.term_months_hint, Control::Number),
        spec(
            k::SCOPE,
            g.scope_label,
            g.scope_hint,
            Control::Choices(scopes),
        ),
        spec(k::FEE, g.fee_label, g.fee_hint, Control::Number),
        spec(
            k::CHANGE,
            g.change_label,
            g.change_hint,
            Control::Select(changes),
        ),
        spec(k::ENDED_ON, g.ended_label, g.ended_hint, Control::Date),
    ]
}

fn row(
    c: &ServiceContract,
    names: &dyn Fn(&str) -> String,
    g: &'static GovernanceStrings,
    today: Millis,
) -> Vec<Cell> {
    let s = g.strings();
    let mark = match (c.sample, c.migrated) {
        (true, _) => g.sample_named(&c.company, true),
        (_, true) => s.with_note(&c.company, g.migrated_mark),
        _ => c.company.clone(),
    };
    let dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    let compounds: Vec<String> = c.compounds.iter().map(|id| names(id)).collect();
    let scope: Vec<String> = c.scope.iter().map(|v| g.scope(*v).to_string()).collect();
    let history: Vec<String> = c
        .history
        .iter()
        .map(|h| {
            format!(
                "{} {} · {}",
                dash(h.start.clone()),
                h.term_months.map_or(String::new(), |m| format!("{m}")),
                g.closed(h.closed)
            )
        })
        .collect();
    vec![
        Cell::text(mark),
        Cell::text(s.list(&compounds)),
        Cell::text(dash(c.start.clone())),
        c.term_months
            .map_or_else(|| Cell::text("—"), |m| Cell::count(usize::from(m))),
        Cell::text(dash(c.end())),
        Cell::text(if scope.is_empty() {
            "—".into()
        } else {
            s.list(&scope)
        }),
        c.fee_fen.map_or_else(
            || Cell::text("—"),
            |f| Cell::number(fee_text(f), f64::from(f)),
        ),
        Cell::text(if c.in_force(today) {
            g.in_force
        } else {
            g.not_in_force
        }),
        Cell::text(if history.is_empty() {
            "—".into()
        } else {
            s.clauses(&history)
        }),
    ]
}

#[component]
pub fn ContractSection(
    /// "Now", fixed when the page opened.
    now: Millis,
) -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let g = use_governance_strings();
    let places = Places::looked_at();
    let compounds = places.here;
    let name_of = move |id: &str| places.name(id);
    let all = Memo::new(move |_| district.all_contracts());
    let summary = move || {
        let (c, n) = all.with(|a| coverage(a, now));
        g().contract_counts
            .replace("{k}", &n.to_string())
            .replace("{c}", &c.to_string())
    };
    let headers = Signal::derive(move || {
        let g = g();
        vec![
            g.company_label,
            g.compounds_label,
            g.start_label,
            g.term_label,
            g.end_col,
            g.scope_label,
            g.fee_label,
            g.status_col,
            g.history_col,
        ]
    });
    let rows = Signal::derive(move || {
        all.with(|all| {
            all.iter()
                .map(|c| row(c, &name_of, g(), now))
                .collect::<Vec<_>>()
        })
    });
    let options = places.choices();
    let picked = Picked::new(all, |k: &ServiceContract| &k.id);
    let fields = picked.fields;
    let pick = picked.pick(ServiceContract::fields);
    let submit = Callback::new(move |f: Fields| {
        let held = picked.current();
        let terms = compounds.with_untracked(|c| k::read(&f, c, held.as_ref()))?;
        let saved = ServiceContract::saved(held.as_ref(), terms, clock::now());
        picked.saved(&saved);
        fields.set(saved.fields());
        district.service_contracts.put(saved);
        Ok(())
    });
    view! {
        <section class="district__section" id="contracts" aria-labelledby="contracts-title">
            <h2 id="contracts-title">{move || g().contract_title}</h2>
            <p class="district__figure" data-contract-counts>{summary}</p>
            <DataTable name="contracts" caption=Signal::derive(move || g().contract_title.to_string()) headers rows/>
            <RecordEditor kind="contract" title=Signal::derive(move || g().contract_form) options=Signal::derive(move || all.with(|a| a.iter().map(|c| (c.id.clone(), format!("{} · {}", c.company, g().strings().list(&c.compounds.iter().map(|id| name_of(id)).collect::<Vec<_>>())))).collect::<Vec<_>>())) pick>
                <RecordForm form="contract" title=Signal::derive(move || g().contract_form.to_string())
                    specs=Signal::derive(move || specs(g(), options.get())) fields submit/>
            </RecordEditor>
        </section>
    }
}
