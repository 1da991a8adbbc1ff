//! One person on a contact card or battle map: name, title, number written out, and
//! one-tap call and text buttons.

use leptos::prelude::*;

use super::icons::{Icon, IconKind};
use crate::domain::phone::{PhoneKind, parse_phone};
use crate::domain::steward::Steward;
use crate::state::use_strings;

/// A call button (≥ 56 px, full width) and a text button for a phone number. An invalid
/// number is written out but not linked, so nothing odd reaches `tel:`.
#[component]
pub fn PhoneActions(
    /// The number as stored; validated and normalised here.
    phone: String,
    /// Who is called, for the buttons' accessible names.
    who: String,
    /// A one-line version for dense lists such as the battle map.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let s = use_strings();
    match parse_phone(&phone) {
        Ok(p) => {
            let tel = p.tel_href();
            // Only mobiles take texts; a landline or hotline gets the call button alone.
            let sms = (p.kind == PhoneKind::Mobile).then(|| p.sms_href(""));
            let shown = p.display();
            // The accessible name contains the visible number (WCAG 2.5.3, label in name).
            let call_label = {
                let who = who.clone();
                let shown = shown.clone();
                // A hotline without a name to go with it (a compound without a community
                // name) is "call 0731-…", not "call  0731-…".
                move || match who.is_empty() {
                    true => format!("{} {shown}", s().call),
                    false => format!("{} {who} {shown}", s().call),
                }
            };
            let text_label = move || format!("{} {who}", s().text);
            view! {
                <div class=if compact { "phone phone--compact" } else { "phone" }>
                    <a class="phone__call" href=tel aria-label=call_label>
                        <Icon kind=IconKind::Phone/>
                        <span class="phone__number">{shown}</span>
                    </a>
                    {sms.map(|sms| view! {
                        <a class="phone__text" href=sms aria-label=text_label>
                            <Icon kind=IconKind::Message/>
                            <span>{move || s().text}</span>
                        </a>
                    })}
                </div>
            }
            .into_any()
        }
        Err(_) => view! { <p class="phone phone--invalid">{phone}</p> }.into_any(),
    }
}

/// A steward with title, duty hours and phone actions.
#[component]
pub fn StewardRow(
    /// The steward to show.
    steward: Steward,
    /// Dense layout for the battle map.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let s = use_strings();
    let hours = steward.duty_hours.clone();
    view! {
        <div class=if compact { "steward steward--compact" } else { "steward" }>
            <p class="steward__who">
                <span class="steward__name">{steward.name.clone()}</span>
                <span class="steward__title">{steward.title.clone()}</span>
            </p>
            {hours.map(|h| view! { <p class="steward__hours">{move || s().duty} " " {h.clone()}</p> })}
            <PhoneActions phone=steward.phone.clone() who=steward.name.clone() compact=compact/>
        </div>
    }
}
