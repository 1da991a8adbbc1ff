//! The hand-off loop's shared pieces: sending a link (SMS, share or copy, and a QR code
//! to scan), and showing what a received link carries.

pub mod apply;
pub mod link_reader;
pub mod outcome;
pub mod received_steps;

use leptos::prelude::*;

use crate::components::qr_code::QrCode;
use crate::components::share_button::ShareButton;
use crate::domain::phone::Phone;
use crate::format::handoff::Message;
use crate::i18n::Strings;
use crate::i18n::handoff::HandoffStrings;
use crate::platform::handoff_link::make_link;
use crate::state::use_handoff_strings;

/// A message sent as readable text followed by its hand-off link: an `sms:` link when
/// the receiver's phone is known, the share sheet or copy otherwise, and optionally the
/// link as a QR code for someone standing beside the sender.
#[component]
pub fn HandoffSend(
    /// What the link carries.
    message: Message,
    /// The readable part of the text, before the link.
    summary: Signal<String>,
    /// The line before the link, saying what opening it does.
    intro: fn(&HandoffStrings) -> &'static str,
    /// Whom to text, and the button's label; without it, share or copy only.
    sms: Option<(Phone, Signal<String>)>,
    /// The share sheet's title.
    title: String,
    /// The share button's label.
    share_label: fn(&Strings) -> &'static str,
    /// Also show the link as a QR code.
    #[prop(optional)]
    qr: bool,
) -> impl IntoView {
    let h = use_handoff_strings();
    let link = RwSignal::new(None::<String>);
    wasm_bindgen_futures::spawn_local(async move { link.set(Some(make_link(&message).await)) });
    let text = Signal::derive(move || {
        let link = link.get().unwrap_or_default();
        format!("{}\n{}\n{link}", summary.get(), intro(h()))
    });
    let sms = StoredValue::new(sms);
    view! {
        <Show when=move || link.with(Option::is_some)
            fallback=move || view! { <p class="hint" role="status">{move || h().making_link}</p> }>
            {sms.get_value().map(|(phone, label)| view! {
                <a class="button send__sms" data-handoff-sms
                    href=move || phone.sms_href(&text.get())>{label}</a>
            })}
            <ShareButton title=title.clone() text=text label=share_label/>
            {qr.then(|| view! {
                <details class="handoff__qr">
                    <summary>{move || h().scan_title}</summary>
                    <p class="hint">{move || h().scan_hint}</p>
                    {move || link.get().map(|l| view! { <QrCode text=l/> })}
                </details>
            })}
        </Show>
    }
}
