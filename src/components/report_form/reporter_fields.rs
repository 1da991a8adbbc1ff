//! Who reports: name and phone, both optional, and whether the steward may see the phone.

use leptos::prelude::*;

use super::{non_empty, use_draft_editor};
use crate::components::form_fields::FieldMessage;
use crate::domain::report_rules::FieldError;
use crate::state::use_strings;

#[component]
pub fn ReporterFields() -> impl IntoView {
    let s = use_strings();
    let editor = use_draft_editor();
    let draft = editor.draft;
    let name_error = editor.error_for(|e| matches!(e, FieldError::Name(_)));
    let phone_error = editor.error_for(|e| matches!(e, FieldError::Phone(_)));
    view! {
        <fieldset class="field report-form__reporter">
            <legend class="field__label">{move || s().app().reporter_label}</legend>
            <p class="hint">{move || s().app().privacy_hint}</p>
            <div class="field">
                <label for="reporter-name">{move || s().app().name_label}</label>
                <input id="reporter-name" class="field__input" name="reporter_name" autocomplete="name"
                    aria-describedby="reporter-name-error"
                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                    prop:value=move || draft.with(|d| d.reporter_name.clone().unwrap_or_default())
                    on:input=move |ev| { let v = non_empty(event_target_value(&ev)); editor.edit(|d| d.reporter_name = v) }/>
                <FieldMessage id="reporter-name-error" message=name_error/>
            </div>
            <div class="field">
                <label for="reporter-phone">{move || s().app().phone_label}</label>
                <input id="reporter-phone" class="field__input" name="reporter_phone" type="tel" autocomplete="tel"
                    aria-describedby="reporter-phone-error"
                    aria-invalid=move || phone_error.with(Option::is_some).to_string()
                    prop:value=move || draft.with(|d| d.reporter_phone.clone().unwrap_or_default())
                    on:input=move |ev| { let v = non_empty(event_target_value(&ev)); editor.edit(|d| d.reporter_phone = v) }/>
                <FieldMessage id="reporter-phone-error" message=phone_error/>
            </div>
            <label class="choice">
                <input type="checkbox" name="share_phone" prop:checked=move || draft.with(|d| d.share_phone)
                    on:change=move |ev| { let on = event_target_checked(&ev); editor.edit(|d| d.share_phone = on) }/>
                {move || s().app().share_phone_label}
            </label>
        </fieldset>
    }
}
