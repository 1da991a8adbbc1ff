//! What kind of problem it is, and the category's own questions (what stewards need to
//! know first, as FixMyStreet asks per category).

use leptos::prelude::*;

use super::use_draft_editor;
use crate::domain::danger::shows_danger_screen;
use crate::domain::report::{Category, Urgency};
use crate::domain::report_rules::{AnswerKind, Question, questions};
use crate::state::use_strings;

#[component]
pub fn CategoryPicker() -> impl IntoView {
    let s = use_strings();
    let editor = use_draft_editor();
    let draft = editor.draft;
    view! {
        <label class="field">
            <span class="field__label">{move || s().app().category_label}</span>
            <select class="field__input" name="category" on:change=move |ev| {
                if let Some(c) = Category::from_key(&event_target_value(&ev)) {
                    editor.edit(|d| { d.category = c; d.answers.clear(); })
                }
            }>
                {Category::ALL.map(|c| view! {
                    <option value=c.key() selected=move || draft.with(|d| d.category == c)>{move || s().category(c)}</option>
                }).collect_view()}
            </select>
        </label>
        {move || questions(draft.with(|d| d.category)).iter().map(|q| view! { <QuestionField question=*q/> }).collect_view()}
    }
}

/// One category question, answered yes/no or in a few words.
#[component]
fn QuestionField(
    /// The question asked.
    question: Question,
) -> impl IntoView {
    let s = use_strings();
    let editor = use_draft_editor();
    let key = question.key.key();
    let current = move || {
        editor.draft.with(|d| {
            d.answers
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    };
    let set = move |value: String| {
        editor.edit(|d| {
            d.answers.retain(|(k, _)| k != key);
            d.answers.push((key.to_string(), value));
        })
    };
    let control = match question.kind {
        AnswerKind::YesNo => view! {
            <select class="field__input" name=key on:change=move |ev| set(event_target_value(&ev))>
                <option value="">{move || s().app().choose}</option>
                <option value="yes" selected=move || current() == "yes">{move || s().app().yes}</option>
                <option value="no" selected=move || current() == "no">{move || s().app().no}</option>
            </select>
        }
        .into_any(),
        AnswerKind::Text => view! {
            <input class="field__input" name=key maxlength="100" prop:value=current
                on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
    };
    view! {
        <label class="field">
            <span class="field__label">{move || s().question(key)}</span>
            {control}
        </label>
    }
}

/// How soon it must be dealt with; sets the deadline when submitted. Choosing the danger
/// urgency opens the danger screen (`danger_screen`) before anything else.
#[component]
pub fn UrgencyPicker(
    /// The danger screen's switch.
    danger: RwSignal<bool>,
) -> impl IntoView {
    let s = use_strings();
    let editor = use_draft_editor();
    view! {
        <fieldset class="field">
            <legend class="field__label">{move || s().app().urgency_label}</legend>
            {Urgency::ALL.map(|u| view! {
                <label class="choice">
                    <input type="radio" name="urgency" value=u.key()
                        prop:checked=move || editor.draft.with(|d| d.urgency == u)
                        on:change=move |_| {
                            editor.edit(|d| d.urgency = u);
                            if shows_danger_screen(u) { danger.set(true) }
                        }/>
                    {move || s().urgency(u)}
                </label>
            }).collect_view()}
        </fieldset>
    }
}
