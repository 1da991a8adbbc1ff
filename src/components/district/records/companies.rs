//! The register of property companies on `/district`: how many are registered, by their
//! latest decision (准入退出) and trained in the last half year; the list with contacts,
//! compounds, contracts in force, scorecards over the last four quarters, the latest
//! decision with the scorecard it stood on, and training (sortable, CSV); and, behind
//! the steward PIN, three forms: a company, a decision, a training attended.

use leptos::prelude::*;

use super::form_kit::{Control, Picked, Places, RecordEditor, RecordForm, Spec, spec};
use crate::components::district::data_table::{Cell, DataTable};
use crate::domain::Millis;
use crate::domain::district::period::Quarter;
use crate::domain::district::scorecard::{Scorecard, rules_for, scorecards};
use crate::domain::governance::Fields;
use crate::domain::governance::company::{self as k, Company, Decision, Snapshot, counts};
use crate::domain::governance::contract::in_force;
use crate::i18n::governance::GovernanceStrings;
use crate::platform::clock;
use crate::state::district::use_governance_strings;
use crate::state::district::{DistrictData, use_district};

/// Every company's scorecard in a quarter, as the scorecards section computes it.
fn cards_in(district: DistrictData, q: Quarter, now: Millis) -> Vec<Scorecard> {
    let all = district.records.get();
    let saved = district.scoring.records.get();
    let contracts = in_force(&district.all_contracts(), now);
    scorecards(
        &all.0.compounds,
        &contracts,
        &all.0.reports,
        q,
        saved.iter().find(|s| s.id == q.key()),
        &rules_for(q, &saved).0,
        now,
    )
}

fn snapshot_text(s: &Snapshot, g: &GovernanceStrings) -> String {
    let total = s
        .total
        .map_or_else(|| g.no_score.to_string(), |t| format!("{t:.1}"));
    format!("{} {total}", s.quarter)
}

fn row(
    c: &Company,
    names: &dyn Fn(&str) -> String,
    contracts: usize,
    quarters: &[(Quarter, Vec<Scorecard>)],
    g: &'static GovernanceStrings,
) -> Vec<Cell> {
    let s = g.strings();
    let name = g.sample_named(&c.name, c.sample);
    let contacts: Vec<String> = c
        .contacts
        .iter()
        .map(|k| format!("{} {} {}", k.name, k.phone, k.post))
        .collect();
    let compounds: Vec<String> = c.compounds.iter().map(|id| names(id)).collect();
    let over_time: Vec<String> = quarters
        .iter()
        .map(|(q, cards)| {
            let total = cards
                .iter()
                .find(|s| s.company == c.name)
                .and_then(|s| s.total);
            format!(
                "{} {}",
                q.key(),
                total.map_or_else(|| "—".into(), |(t, _)| format!("{t:.1}"))
            )
        })
        .collect();
    let standing = c.standing().map_or_else(
        || "—".into(),
        |d| {
            let decided = format!("{} {}", g.decision(d.decision), d.date);
            s.with_note(&decided, &snapshot_text(&d.scorecard, g))
        },
    );
    let training = c.training.last().map_or_else(
        || "—".into(),
        |t| format!("{} · {} {}", c.training.len(), t.date, t.topic),
    );
    vec![
        Cell::text(name),
        Cell::text(if contacts.is_empty() {
            "—".into()
        } else {
            s.clauses(&contacts)
        }),
        Cell::text(if compounds.is_empty() {
            "—".into()
        } else {
            s.list(&compounds)
        }),
        Cell::count(contracts),
        Cell::text(s.clauses(&over_time)),
        Cell::text(standing),
        Cell::text(training),
    ]
}

fn company_specs(g: &'static GovernanceStrings, compounds: Vec<(String, String)>) -> Vec<Spec> {
    vec![
        spec(k::NAME, g.company_label, g.company_hint, Control::Text),
        spec(
            k::CONTACTS,
            g.contacts_label,
            g.contacts_hint,
            Control::Area,
        ),
        spec(
            k::COMPOUNDS,
            g.served_label,
            g.served_hint,
            Control::Choices(compounds),
        ),
    ]
}

fn decision_specs(
    g: &'static GovernanceStrings,
    companies: Vec<(String, String)>,
    quarters: Vec<(String, String)>,
) -> Vec<Spec> {
    let decisions = Decision::ALL
        .iter()
        .map(|d| (d.key().to_string(), g.decision(*d).to_string()))
        .collect();
    vec![
        spec(
            k::COMPANY,
            g.company_label,
            g.pick_company_hint,
            Control::Select(companies),
        ),
        spec(
            k::DECISION,
            g.decision_label,
            g.decision_hint,
            Control::Select(decisions),
        ),
        spec(
            k::QUARTER,
            g.quarter_label,
            g.quarter_hint,
            Control::Select(quarters),
        ),
        spec(k::DATE, g.decided_on_label, g.past_date_hint, Control::Date),
        spec(k::NOTE, g.note_label, g.note_hint, Control::Text),
    ]
}

fn training_specs(g: &'static GovernanceStrings, companies: Vec<(String, String)>) -> Vec<Spec> {
    vec![
        spec(
            k::COMPANY,
            g.company_label,
            g.pick_company_hint,
            Control::Select(companies),
        ),
        spec(k::DATE, g.trained_on_label, g.past_date_hint, Control::Date),
        spec(k::TOPIC, g.topic_label, g.company_hint, Control::Text),
    ]
}

#[component]
pub fn CompanySection(
    /// "Now", fixed when the page opened.
    now: Millis,
) -> impl IntoView {
    let district = use_district();
    district.load_contracts();
    let g = use_governance_strings();
    let places = Places::looked_at();
    let compounds = places.here;
    let name_of = move |id: &str| places.name(id);
    let all = Memo::new(move |_| district.all_companies());
    let contracts = Memo::new(move |_| in_force(&district.all_contracts(), now));
    let recent: Vec<Quarter> =
        std::iter::successors(Some(Quarter::of(now)), |q| Some(q.previous()))
            .take(4)
            .collect();
    let quarters = Memo::new(move |_| {
        recent
            .iter()
            .map(|q| (*q, cards_in(district, *q, now)))
            .collect::<Vec<_>>()
    });
    let summary = move || {
        let n = all.with(|a| counts(a, now));
        g().company_counts
            .replace("{n}", &n.companies.to_string())
            .replace("{a}", &n.admitted.to_string())
            .replace("{w}", &n.warned.to_string())
            .replace("{x}", &n.exited.to_string())
            .replace("{t}", &n.trained.to_string())
    };
    let headers = Signal::derive(move || {
        let g = g();
        vec![
            g.company_label,
            g.contacts_col,
            g.served_label,
            g.contracts_in_force_col,
            g.scores_col,
            g.standing_col,
            g.training_col,
        ]
    });
    let rows = Signal::derive(move || {
        let (kontracts, qs) = (contracts.get(), quarters.get());
        all.with(|all| {
            all.iter()
                .map(|c| {
                    row(
                        c,
                        &name_of,
                        kontracts.iter().filter(|k| k.company == c.name).count(),
                        &qs,
                        g(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let compound_options = places.choices();
    let company_options = Signal::derive(move || {
        all.with(|a| {
            a.iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let quarter_options = StoredValue::new(
        std::iter::successors(Some(Quarter::of(now)), |q| Some(q.previous()))
            .take(8)
            .map(|q| (q.key(), q.key()))
            .collect::<Vec<_>>(),
    );
    let picked = Picked::new(all, |c: &Company| &c.id);
    let (company_fields, decision_fields, training_fields) = (
        picked.fields,
        RwSignal::new(Fields::default()),
        RwSignal::new(Fields::default()),
    );
    let pick = picked.pick(Company::fields);
    let save_company = Callback::new(move |f: Fields| {
        let h = picked.current();
        let others: Vec<String> = all.with_untracked(|a| {
            a.iter()
                .filter(|c| h.as_ref().is_none_or(|h| h.id != c.id))
                .map(|c| c.name.clone())
                .collect()
        });
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let entry = compounds.with_untracked(|c| k::read(&f, c, &others))?;
        let saved = Company::saved(h.as_ref(), entry, clock::now());
        picked.saved(&saved);
        district.companies.put(saved);
        Ok(())
    });
    let save_decision = Callback::new(move |f: Fields| {
        let card = |company: &str, q: Quarter| {
            untrack(|| cards_in(district, q, now))
                .into_iter()
                .find(|c| c.company == company)
                .map(|c| Snapshot::of(q, &c))
        };
        let (id, entry) = all.with_untracked(|a| k::read_decision(&f, a, &card, clock::now()))?;
        if let Some(h) = picked.held(&id) {
            district
                .companies
                .put(h.with(clock::now(), |c| c.decisions.push(entry)));
        }
        Ok(())
    });
    let save_training = Callback::new(move |f: Fields| {
        let (id, t) = all.with_untracked(|a| k::read_training(&f, a, clock::now()))?;
        if let Some(h) = picked.held(&id) {
            district
                .companies
                .put(h.with(clock::now(), |c| c.training.push(t)));
        }
        Ok(())
    });
    view! {
        <section class="district__section" id="companies" aria-labelledby="companies-title">
            <h2 id="companies-title">{move || g().company_title}</h2>
            <p class="district__figure" data-company-counts>{summary}</p>
            <DataTable name="companies" caption=Signal::derive(move || g().company_title.to_string()) headers rows/>
            <RecordEditor kind="company" title=Signal::derive(move || g().company_form) options=company_options pick>
                <RecordForm form="company" title=Signal::derive(move || g().company_form.to_string())
                    specs=Signal::derive(move || company_specs(g(), compound_options.get())) fields=company_fields submit=save_company/>
                <RecordForm form="decision" title=Signal::derive(move || g().decision_form.to_string())
                    specs=Signal::derive(move || decision_specs(g(), company_options.get(), quarter_options.get_value())) fields=decision_fields submit=save_decision/>
                <RecordForm form="training" title=Signal::derive(move || g().training_form.to_string())
                    specs=Signal::derive(move || training_specs(g(), company_options.get())) fields=training_fields submit=save_training/>
            </RecordEditor>
        </section>
    }
}
