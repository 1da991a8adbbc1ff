//! Small pieces of forms shared by every form.

use leptos::prelude::*;

/// A validation message under a field. The field names it in `aria-describedby`, so a
/// screen reader reads it with the field; it is also announced when it appears.
#[component]
pub fn FieldMessage(
    /// The element id the field's `aria-describedby` points at.
    #[prop(into)]
    id: String,
    /// The message, or `None` when the field is fine.
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <span id=id class="field__error" role="alert">{move || message.get()}</span>
    }
}

/// A labelled text input bound to one field of a form's state `input`, with its message
/// (`get` reads the field, `set` writes what is typed).
pub fn text_field<I: Send + Sync + 'static>(
    input: RwSignal<I>,
    id: impl Into<String>,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    get: impl Fn(&I) -> String + Send + Sync + 'static,
    set: impl Fn(&mut I, String) + Send + Sync + 'static,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id: String = id.into();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            <input id=id.clone() class="field__input" name=id aria-describedby=error_id.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || input.with(&get)
                on:input=move |ev| input.update(|i| set(i, event_target_value(&ev)))/>
            <FieldMessage id=error_id message=error/>
        </div>
    }
}
