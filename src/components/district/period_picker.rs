//! Picking the period the figures cover: this month, this quarter, the year so far, or
//! a range of days; a range that cannot be a period says why and keeps the last one.

use leptos::prelude::*;

use crate::domain::district::period::Period;
use crate::domain::time::format_date;
use crate::state::use_district_strings;

#[component]
pub fn PeriodPicker(
    /// The period shown; set when the user picks another.
    period: RwSignal<Period>,
) -> impl IntoView {
    let d = use_district_strings();
    let custom = RwSignal::new(false);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let choose = move |ev| {
        error.set(None);
        let p = match event_target_value(&ev).as_str() {
            "month" => Period::Month,
            "quarter" => Period::Quarter,
            "ytd" => Period::YearToDate,
            _ => return custom.set(true),
        };
        custom.set(false);
        period.set(p);
    };
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Period::custom(&from.get(), &to.get()) {
            Ok(p) => {
                error.set(None);
                period.set(p);
            }
            Err(e) => error.set(Some(d().period_error(&e))),
        }
    };
    let selected = move |key: &'static str| {
        move || match period.get() {
            _ if custom.get() => key == "custom",
            Period::Month => key == "month",
            Period::Quarter => key == "quarter",
            Period::YearToDate => key == "ytd",
            Period::Custom { .. } => key == "custom",
        }
    };
    view! {
        <form class="period-picker" on:submit=apply>
            <label class="field">
                <span class="field__label">{move || d().period_label}</span>
                <select class="field__input" name="period" on:change=choose>
                    <option value="month" selected=selected("month")>{move || d().period_month}</option>
                    <option value="quarter" selected=selected("quarter")>{move || d().period_quarter}</option>
                    <option value="ytd" selected=selected("ytd")>{move || d().period_ytd}</option>
                    <option value="custom" selected=selected("custom")>{move || d().period_custom}</option>
                </select>
            </label>
            <Show when=move || custom.get()>
                <label class="field">
                    <span class="field__label">{move || d().from_label}</span>
                    <input class="field__input" type="date" name="from" prop:value=from
                        aria-invalid=move || error.get().is_some().to_string()
                        on:input=move |ev| from.set(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span class="field__label">{move || d().to_label}</span>
                    <input class="field__input" type="date" name="to" prop:value=to
                        aria-invalid=move || error.get().is_some().to_string()
                        on:input=move |ev| to.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="button button--small">{move || d().apply_range}</button>
            </Show>
            <p class="field__error" role="alert" data-period-error>{move || error.get()}</p>
        </form>
    }
}

/// `2026-11-01 – 2026-11-27`: the days a span covers, both included.
pub fn span_text(span: crate::domain::district::period::Span) -> String {
    format!(
        "{} – {}",
        format_date(span.start),
        format_date(span.end - 1)
    )
}
