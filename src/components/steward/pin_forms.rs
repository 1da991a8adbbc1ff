//! Setting the steward-mode PIN (typed twice) and entering it, with what a wrong try,
//! a lock and "forgot PIN" say.

use leptos::prelude::*;

use crate::components::form_fields::FieldMessage;
use crate::domain::pin::{PIN_MAX, PinError, check_new_pin};
use crate::i18n::console::ConsoleStrings;
use crate::platform::dialog::confirm;
use crate::state::steward_session::{PinOutcome, use_steward_session};
use crate::state::use_console_strings;

/// A PIN form's element id: `pin-new`, or `<name>-pin-new` for a named gate.
fn field_id(name: &str, field: &str) -> String {
    match name {
        "" => field.to_string(),
        name => format!("{name}-{field}"),
    }
}

/// A PIN field: digits only on a phone keypad, never autofilled.
#[component]
fn PinInput(
    /// The element id (labels and messages point at it).
    id: String,
    /// The label shown above.
    label: Signal<&'static str>,
    /// The digits typed.
    value: RwSignal<String>,
    /// The id of the message that describes this field.
    described_by: String,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{move || label.get()}</label>
            <input id=id class="field__input pin-input" type="password" inputmode="numeric"
                autocomplete="off" maxlength=PIN_MAX.to_string() aria-describedby=described_by
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

#[component]
pub fn SetPinForm(
    /// What the ids of its fields start with (`StewardGate`'s `name`).
    name: &'static str,
) -> impl IntoView {
    let c = use_console_strings();
    let session = use_steward_session();
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let (message, set_message) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (typed, repeated) = (pin.get_untracked(), again.get_untracked());
        if let Err(e) = check_new_pin(&typed, &repeated) {
            set_message.set(Some(pin_error(e, c()).to_string()));
            return;
        }
        set_message.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = session.set_pin(typed).await {
                set_message.set(Some(format!("{}{}", c().pin_err_crypto, e.0)));
            }
        });
    };
    view! {
        <form class="pin-form panel" on:submit=submit novalidate>
            <h2>{move || c().pin_set_title}</h2>
            <p class="hint">{move || c().pin_explain}</p>
            <PinInput id=field_id(name, "pin-new") label=Signal::derive(move || c().pin_label) value=pin described_by=field_id(name, "pin-message")/>
            <PinInput id=field_id(name, "pin-again") label=Signal::derive(move || c().pin_again_label) value=again described_by=field_id(name, "pin-message")/>
            <FieldMessage id=field_id(name, "pin-message") message=message.into()/>
            <button type="submit" class="button">{move || c().pin_set_button}</button>
        </form>
    }
}

fn pin_error(e: PinError, c: &ConsoleStrings) -> &'static str {
    match e {
        PinError::Length => c.pin_err_length,
        PinError::NotDigits => c.pin_err_digits,
        PinError::Mismatch => c.pin_err_mismatch,
    }
}

#[component]
pub fn EnterPinForm(
    /// What the ids of its fields start with (`StewardGate`'s `name`).
    name: &'static str,
) -> impl IntoView {
    let c = use_console_strings();
    let session = use_steward_session();
    let pin = RwSignal::new(String::new());
    let (message, set_message) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = pin.get_untracked();
        pin.set(String::new());
        wasm_bindgen_futures::spawn_local(async move {
            let text = match session.try_pin(typed).await {
                PinOutcome::Opened => None,
                PinOutcome::Wrong { tries_left } => Some(format!("{}{tries_left}", c().pin_wrong)),
                PinOutcome::Locked { wait_ms } => {
                    Some(format!("{}{}", c().pin_locked, (wait_ms + 999) / 1000))
                }
                PinOutcome::Failed(e) => Some(format!("{}{}", c().pin_err_crypto, e.0)),
            };
            set_message.set(text);
        });
    };
    let forgot = move |_| {
        let sure = confirm(c().forgot_confirm);
        if sure {
            session.forget_pin();
        }
    };
    view! {
        <form class="pin-form panel" on:submit=submit novalidate>
            <h2>{move || c().pin_enter_title}</h2>
            <p class="hint">{move || c().pin_explain}</p>
            <PinInput id=field_id(name, "pin-enter") label=Signal::derive(move || c().pin_label) value=pin described_by=field_id(name, "pin-message")/>
            <FieldMessage id=field_id(name, "pin-message") message=message.into()/>
            <button type="submit" class="button">{move || c().pin_enter_button}</button>
            <button type="button" class="button button--secondary" on:click=forgot>{move || c().forgot_pin}</button>
        </form>
    }
}
