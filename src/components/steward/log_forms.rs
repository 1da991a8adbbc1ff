//! Recording a mediation (诉前调解 / 口头调解) and arrears recovered (收回欠缴物业费)
//! for the compound being worked on, with that compound's totals.

use leptos::prelude::*;

use crate::components::form_fields::FieldMessage;
use crate::domain::logs::{LogError, check_arrears, check_mediation, log_totals, mask_parties};
use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::records::{ArrearsRecovery, Mediation, MediationKind};
use crate::domain::time::{format_date, parse_date};
use crate::format::route::Route;
use crate::i18n::console::ConsoleStrings;
use crate::platform::clock::now;
use crate::state::logs::use_logs;
use crate::state::records::use_records;
use crate::state::{use_console_strings, use_strings};

/// A text or date field of a log form, with its message.
#[component]
fn LogField(
    /// The element id; its message is `{id}-error`.
    id: &'static str,
    /// The label.
    label: Signal<&'static str>,
    /// The text typed.
    value: RwSignal<String>,
    /// The problem with it, if any.
    error: Signal<Option<String>>,
    /// The input type (`text`, `date`, `number` …).
    #[prop(default = "text")]
    kind: &'static str,
) -> impl IntoView {
    let described = format!("{id}-error");
    view! {
        <div class="field">
            <label class="field__label" for=id>{move || label.get()}</label>
            <input id=id class="field__input" type=kind aria-describedby=described.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
            <FieldMessage id=described message=error/>
        </div>
    }
}

#[component]
pub fn LogForms(
    /// The compound the entries are for.
    compound_id: String,
) -> impl IntoView {
    let c = use_console_strings();
    let logs = use_logs();
    let compound = StoredValue::new(compound_id);
    let totals = Memo::new(move |_| {
        let id = compound.get_value();
        logs.mediations
            .with(|m| logs.arrears.with(|a| log_totals(m, a, |x| x == id)))
    });
    let recent = move || {
        let id = compound.get_value();
        let mut list: Vec<Mediation> = logs.mediations.with(|m| {
            m.iter()
                .filter(|m| m.compound == id && !m.deleted)
                .cloned()
                .collect()
        });
        list.sort_by_key(|m| std::cmp::Reverse(m.date));
        list
    };
    view! {
        <section class="log-forms panel" aria-labelledby="log-title">
            <h2 id="log-title">{move || c().log_title}</h2>
            <dl class="report-detail__facts" data-compound-totals>
                <dt>{move || c().pre_litigation_done}</dt><dd>{move || totals.get().pre_litigation} " · " {move || format_yuan(totals.get().pre_litigation_fen)}</dd>
                <dt>{move || c().oral_done}</dt><dd>{move || totals.get().oral}</dd>
                <dt>{move || c().arrears_done}</dt><dd>{move || format_yuan(totals.get().arrears_fen)}</dd>
            </dl>
            <ul class="log-forms__list">
                {move || recent().into_iter().map(|m| view! {
                    <li>
                        {format_date(m.date)} " · " {c().mediation_kind(m.kind)} " · " {mask_parties(&m.parties)} " · " {m.subject.clone()}
                        {m.report.clone().map(|r| view! { " · " <a href=Route::Report { id: r.clone() }.href()>{c().linked_report} " " {r.clone()}</a> })}
                    </li>
                }).collect_view()}
            </ul>
            <MediationForm compound=compound/>
            <ArrearsForm compound=compound/>
        </section>
    }
}

/// What both log forms keep: the amount and date every entry has, as typed, the
/// problems found, and whether the last entry was recorded.
#[derive(Clone, Copy)]
struct EntryForm {
    amount: RwSignal<String>,
    date: RwSignal<String>,
    amount_error: RwSignal<Option<String>>,
    date_error: RwSignal<Option<String>>,
    errors: RwSignal<Vec<LogError>>,
    saved: RwSignal<bool>,
}

impl EntryForm {
    fn new() -> EntryForm {
        EntryForm {
            amount: RwSignal::new(String::new()),
            date: RwSignal::new(String::new()),
            amount_error: RwSignal::new(None),
            date_error: RwSignal::new(None),
            errors: RwSignal::new(Vec::new()),
            saved: RwSignal::new(false),
        }
    }

    /// Fen and the day (today when left empty), or `None` after saying what is wrong.
    fn read(&self, c: &ConsoleStrings) -> Option<(u64, i64)> {
        let fen = parse_yuan(&self.amount.get_untracked());
        self.amount_error
            .set(fen.err().map(|e| c.money_error(e).to_string()));
        let day = match self.date.get_untracked().trim() {
            "" => Some(now()),
            t => parse_date(t),
        };
        self.date_error
            .set(day.is_none().then(|| c.err_date.to_string()));
        let read = fen.ok().zip(day);
        if read.is_none() {
            self.saved.set(false);
        }
        read
    }

    /// Takes the entry's check: shows its problems, or clears the amount for the next
    /// entry. True when the entry may be recorded.
    fn settle(&self, problems: Vec<LogError>) -> bool {
        let ok = problems.is_empty();
        self.saved.set(ok);
        self.errors.set(problems);
        if ok {
            self.amount.set(String::new());
        }
        ok
    }

    /// The message for the first problem `pick` accepts.
    fn message(&self, pick: fn(&LogError) -> bool) -> Signal<Option<String>> {
        let (errors, c, s) = (self.errors, use_console_strings(), use_strings());
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|e| pick(e)).map(|e| c().log_error(e, s())))
        })
    }

    /// The date's message: not a date, or (from the entry's check) after today.
    fn date_message(&self) -> Signal<Option<String>> {
        let (date_error, later) = (
            self.date_error,
            self.message(|e| matches!(e, LogError::FutureDate)),
        );
        Signal::derive(move || date_error.get().or_else(|| later.get()))
    }
}

#[component]
fn MediationForm(
    /// The compound's id.
    compound: StoredValue<String>,
) -> impl IntoView {
    let c = use_console_strings();
    let logs = use_logs();
    let kind = RwSignal::new(MediationKind::PreLitigation);
    let (parties, subject, outcome, mediator) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let form = EntryForm::new();
    let succeeded = RwSignal::new(true);
    let report = RwSignal::new(String::new());
    let records = use_records();
    let s = use_strings();
    // The compound's reports a mediation may have settled, newest first.
    let reports = move || {
        records.reports.with(|all| {
            let mut mine: Vec<_> = all
                .iter()
                .filter(|r| {
                    r.compound == compound.get_value() && !r.deleted && r.submitted_at().is_some()
                })
                .map(|r| {
                    (
                        r.id.clone(),
                        r.created_at,
                        s().category(r.category),
                        r.description.chars().take(20).collect::<String>(),
                    )
                })
                .collect();
            mine.sort_by_key(|r| std::cmp::Reverse(r.1));
            mine.truncate(50);
            mine
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((amount_fen, day)) = form.read(c()) else {
            return;
        };
        let at = now();
        let entry = Mediation {
            id: format!("{}-m{at}", compound.get_value()),
            compound: compound.get_value(),
            kind: kind.get_untracked(),
            parties: parties.get_untracked().trim().to_string(),
            subject: subject.get_untracked().trim().to_string(),
            amount_fen,
            succeeded: succeeded.get_untracked(),
            outcome: outcome.get_untracked().trim().to_string(),
            mediator: mediator.get_untracked().trim().to_string(),
            report: Some(report.get_untracked()).filter(|r| !r.is_empty()),
            date: day,
            updated_at: at,
            deleted: false,
        };
        if form.settle(check_mediation(&entry, at)) {
            logs.put_mediation(entry);
            for field in [parties, subject, outcome, mediator, report] {
                field.set(String::new());
            }
        }
    };
    view! {
        <form class="log-form" on:submit=submit novalidate>
            <h3>{move || c().mediation_title}</h3>
            <div class="field">
                <label class="field__label" for="mediation-kind">{move || c().mediation_kind_label}</label>
                <select id="mediation-kind" class="field__input"
                    on:change=move |ev| if let Some(k) = MediationKind::from_key(&event_target_value(&ev)) { kind.set(k) }>
                    {MediationKind::ALL.map(|k| view! { <option value=k.key()>{move || c().mediation_kind(k)}</option> }).collect_view()}
                </select>
            </div>
            <LogField id="mediation-parties" label=Signal::derive(move || c().parties_label) value=parties error=form.message(|e| matches!(e, LogError::Parties(_)))/>
            <LogField id="mediation-subject" label=Signal::derive(move || c().subject_label) value=subject error=form.message(|e| matches!(e, LogError::Subject(_)))/>
            <LogField id="mediation-amount" label=Signal::derive(move || c().amount_label) value=form.amount error=form.amount_error.into()/>
            <label class="choice">
                <input type="checkbox" name="mediation_succeeded" prop:checked=succeeded on:change=move |ev| succeeded.set(event_target_checked(&ev))/>
                {move || c().succeeded_label}
            </label>
            <LogField id="mediation-outcome" label=Signal::derive(move || c().outcome_label) value=outcome error=form.message(|e| matches!(e, LogError::Outcome(_)))/>
            <LogField id="mediation-mediator" label=Signal::derive(move || c().mediator_label) value=mediator error=form.message(|e| matches!(e, LogError::Mediator(_)))/>
            <LogField id="mediation-date" kind="date" label=Signal::derive(move || c().date_label) value=form.date error=form.date_message()/>
            <div class="field">
                <label class="field__label" for="mediation-report">{move || c().report_link_label}</label>
                <select id="mediation-report" class="field__input" name="mediation_report" prop:value=report
                    on:change=move |ev| report.set(event_target_value(&ev))>
                    <option value="">{move || c().no_report}</option>
                    {move || reports().into_iter().map(|(id, _, category, text)| view! {
                        <option value=id.clone()>{id.clone()} " · " {category} " · " {text}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="hint" role="status">{move || form.saved.get().then(|| c().log_saved)}</p>
            <button type="submit" class="button">{move || c().save_mediation}</button>
        </form>
    }
}

#[component]
fn ArrearsForm(
    /// The compound's id.
    compound: StoredValue<String>,
) -> impl IntoView {
    let c = use_console_strings();
    let logs = use_logs();
    let households = RwSignal::new(String::new());
    let form = EntryForm::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((amount_fen, day)) = form.read(c()) else {
            return;
        };
        let at = now();
        let entry = ArrearsRecovery {
            id: format!("{}-a{at}", compound.get_value()),
            compound: compound.get_value(),
            households: households.get_untracked().trim().parse().unwrap_or(0),
            amount_fen,
            date: day,
            updated_at: at,
            deleted: false,
        };
        if form.settle(check_arrears(&entry, at)) {
            logs.put_arrears(entry);
            households.set(String::new());
        }
    };
    let households_error = form.message(|e| matches!(e, LogError::NoHouseholds));
    view! {
        <form class="log-form" on:submit=submit novalidate>
            <h3>{move || c().arrears_title}</h3>
            <LogField id="arrears-households" kind="number" label=Signal::derive(move || c().households_label) value=households error=households_error/>
            <LogField id="arrears-amount" label=Signal::derive(move || c().recovered_label) value=form.amount error=form.amount_error.into()/>
            <LogField id="arrears-date" kind="date" label=Signal::derive(move || c().date_label) value=form.date error=form.date_message()/>
            <p class="hint" role="status">{move || form.saved.get().then(|| c().log_saved)}</p>
            <button type="submit" class="button">{move || c().save_arrears}</button>
        </form>
    }
}
