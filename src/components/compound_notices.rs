//! A compound's current notices (公告) for residents: pinned first, then the newest;
//! expired ones are gone. On the compound page and on my building's card.

use leptos::prelude::*;

use super::share_button::ShareButton;
use crate::domain::compound::Compound;
use crate::domain::notice::current_notices;
use crate::domain::time::format_date;
use crate::i18n::Strings;
use crate::i18n::share::notice_text;
use crate::platform::clock::now;
use crate::state::{use_state, use_strings};

#[component]
pub fn CompoundNotices(
    /// Whose notices.
    compound: Compound,
    /// Say "no notices" when there are none (the compound page), or show nothing (a card).
    #[prop(optional)]
    quiet_when_empty: bool,
) -> impl IntoView {
    let s = use_strings();
    let lang = use_state().lang;
    let shown = current_notices(&compound.notices, now());
    if shown.is_empty() && quiet_when_empty {
        return None;
    }
    let empty = shown.is_empty();
    let items = shown
        .into_iter()
        .map(|n| {
            view! {
                <li class="notice-item">
                    <h3>
                        {n.title.clone()}
                        {n.pinned.then(|| view! { " " <span class="tag">{move || s().notice_pinned_tag}</span> })}
                    </h3>
                    <p class="notice-item__date">{format_date(n.published_at)}</p>
                    <p>{n.body.clone()}</p>
                    <ShareButton title=n.title.clone() label=|s: &Strings| s.share_notice
                        text=Signal::derive({
                            let (name, n) = (compound.name.clone(), n.clone());
                            move || notice_text(&name, &n, lang.get())
                        })/>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="notices" aria-labelledby="notices-title">
            <h2 id="notices-title">{move || s().notices}</h2>
            {empty.then(|| view! { <p>{move || s().no_notices}</p> })}
            <ul class="notices__list">{items}</ul>
        </section>
    })
}
