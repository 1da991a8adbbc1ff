//! The office's editor (behind the steward PIN): the scoring method's weights and
//! thresholds, saved for the chosen quarter on, and each company's inspection score.
//! Nothing is saved unless all of it is valid.

use leptos::prelude::*;

use crate::components::steward::gate::StewardGate;
use crate::domain::district::period::Quarter;
use crate::domain::district::scorecard::{Measure, QuarterScoring, ScoringRules};
use crate::platform::clock::now;
use crate::state::district::use_district;
use crate::state::documents::DocSet;
use crate::state::use_district_strings;

/// `0`–`100` as typed, or `None`.
fn score(text: &str) -> Option<u8> {
    text.trim().parse::<u8>().ok().filter(|n| *n <= 100)
}

/// Changes the quarter's scoring record (as held, or a new one) and saves it.
fn save(
    scoring: DocSet<QuarterScoring>,
    quarter: Quarter,
    change: impl FnOnce(&mut QuarterScoring),
) {
    let mut record = scoring
        .records
        .with_untracked(|all| all.iter().find(|s| s.id == quarter.key()).cloned())
        .unwrap_or_else(|| QuarterScoring::new(quarter, now()));
    change(&mut record);
    record.updated_at = now();
    scoring.put(record);
}

#[component]
fn RulesForm(
    /// The quarter the rules are saved for.
    quarter: Quarter,
    /// The rules in force now, as the form starts.
    rules: ScoringRules,
) -> impl IntoView {
    let d = use_district_strings();
    let scoring = use_district().scoring;
    let mut start: Vec<String> = rules.weights.iter().map(u8::to_string).collect();
    start.extend([rules.keep_at.to_string(), rules.warn_at.to_string()]);
    let texts = StoredValue::new(start.clone());
    let outcome = RwSignal::new(None::<Result<(), Vec<String>>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let numbers: Vec<Option<u8>> = texts.with_value(|t| t.iter().map(|t| score(t)).collect());
        if numbers.iter().any(Option::is_none) {
            return outcome.set(Some(Err(vec![d().err_number.into()])));
        }
        let n: Vec<u8> = numbers.into_iter().flatten().collect();
        let proposed = ScoringRules {
            weights: [n[0], n[1], n[2], n[3], n[4], n[5]],
            keep_at: n[6],
            warn_at: n[7],
        };
        let errors = proposed.check();
        if !errors.is_empty() {
            return outcome.set(Some(Err(errors
                .iter()
                .map(|e| d().rules_error(e))
                .collect())));
        }
        save(scoring, quarter, |r| r.rules = Some(proposed));
        outcome.set(Some(Ok(())));
    };
    let input = move |i: usize, label: String, name: String| {
        view! {
            <label class="field">
                <span class="field__label">{label}</span>
                <input class="field__input" type="number" inputmode="numeric" min="0" max="100" name=name
                    value=start[i].clone() on:input=move |ev| texts.update_value(|t| t[i] = event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <form class="scoring-editor__form" data-rules-form novalidate on:submit=submit>
            <h4>{move || d().rules_title} " · " {quarter.key()}</h4>
            <div class="scoring-editor__fields">
                {Measure::ALL.into_iter().enumerate().map(|(i, m)| input(i, format!("{} · {}", d().weight_col, d().measure(m)), format!("weight-{}", m.key()))).collect_view()}
                {input(6, d().keep_at.into(), "keep_at".into())}
                {input(7, d().warn_at.into(), "warn_at".into())}
            </div>
            <button type="submit" class="button button--small">{move || d().save_rules}</button>
            {move || outcome.get().map(|o| match o {
                Ok(()) => view! { <p class="notice notice--info" role="status">{d().rules_saved}</p> }.into_any(),
                Err(lines) => view! { <div class="notice notice--error" role="alert" data-rules-error>{lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</div> }.into_any(),
            })}
        </form>
    }
}

#[component]
fn InspectionForm(
    /// The quarter the scores belong to.
    quarter: Quarter,
    /// Each company with its score as held.
    companies: Vec<(String, Option<u8>)>,
) -> impl IntoView {
    let d = use_district_strings();
    let scoring = use_district().scoring;
    let texts = StoredValue::new(
        companies
            .iter()
            .map(|(c, s)| (c.clone(), s.map(|s| s.to_string()).unwrap_or_default()))
            .collect::<Vec<_>>(),
    );
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = texts.get_value();
        let bad = typed
            .iter()
            .find(|(_, t)| !t.trim().is_empty() && score(t).is_none());
        if let Some((company, _)) = bad {
            return outcome.set(Some(Err(format!("{company}: {}", d().err_number))));
        }
        save(scoring, quarter, |r| {
            for (company, t) in &typed {
                r.set_inspection(company, score(t));
            }
        });
        outcome.set(Some(Ok(())));
    };
    view! {
        <form class="scoring-editor__form" data-inspection-form novalidate on:submit=submit>
            <h4>{move || d().inspection_col} " · " {quarter.key()}</h4>
            <div class="scoring-editor__fields">
                {companies.into_iter().enumerate().map(|(i, (company, held))| view! {
                    <label class="field">
                        <span class="field__label">{company.clone()}</span>
                        <input class="field__input" type="number" inputmode="numeric" min="0" max="100"
                            name="inspection" data-company=company value=held.map(|s| s.to_string())
                            on:input=move |ev| texts.update_value(|t| t[i].1 = event_target_value(&ev))/>
                    </label>
                }).collect_view()}
            </div>
            <button type="submit" class="button button--small">{move || d().inspection_save}</button>
            {move || outcome.get().map(|o| match o {
                Ok(()) => view! { <p class="notice notice--info" role="status">{d().inspection_saved}</p> }.into_any(),
                Err(line) => view! { <p class="notice notice--error" role="alert" data-inspection-error>{line}</p> }.into_any(),
            })}
        </form>
    }
}

#[component]
pub fn ScoringEditor(
    /// The quarter being looked at; what is saved applies to it.
    quarter: RwSignal<Quarter>,
    /// The rules in force in that quarter.
    #[prop(into)]
    rules: Signal<ScoringRules>,
    /// The companies scored, with their inspection scores as held.
    #[prop(into)]
    companies: Signal<Vec<(String, Option<u8>)>>,
) -> impl IntoView {
    let d = use_district_strings();
    // The forms start from what is held and are drawn anew only for another quarter or
    // another set of companies — not on their own saves, which would wipe their messages.
    let names = Memo::new(move |_| {
        companies.with(|c| c.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>())
    });
    view! {
        <details class="panel scoring-editor no-print" data-scoring-editor>
            <summary>{move || d().edit_rules}</summary>
            <p>{move || d().edit_needs_pin}</p>
            <StewardGate name="scoring">
                {move || view! { <RulesForm quarter=quarter.get() rules=rules.get_untracked()/> }}
                {move || {
                    names.track();
                    view! { <InspectionForm quarter=quarter.get() companies=companies.get_untracked()/> }
                }}
            </StewardGate>
        </details>
    }
}
