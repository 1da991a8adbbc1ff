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
