//! 「这台手机上有 2 条报事是在没有人登录时提交的，是您的吗？」: asked of a signed-in resident
//! on 同步 and on 我的报事, listing the reports (`domain::claims`); 是我的 claims them for
//! the account, 不是我的 leaves them on the phone, and either answer is kept.

use leptos::prelude::*;

use crate::domain::time::format_date_time;
use crate::state::own_reports::use_claims;
use crate::state::{use_state, use_strings, use_sync_strings};

#[component]
pub fn ClaimQuestion() -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let t = use_sync_strings();
    // One closure for the whole question: it is rarely shown, and small to carry.
    move || {
        let claims = use_claims()?;
        let (words, t) = (s(), t());
        let rows = claims.asked.with(|asked| {
            asked
                .iter()
                .map(|r| {
                    let place = state
                        .compounds
                        .with(|c| r.place_name(c.0.iter().find(|c| c.id == r.compound)));
                    let line = format!(
                        "{} · {place} · {} · ",
                        words.category(r.category),
                        format_date_time(r.created_at)
                    );
                    view! { <li>{line}<code>{r.id.clone()}</code></li> }
                })
                .collect_view()
        });
        let count = claims.asked.with(Vec::len);
        (count > 0).then(|| view! {
            <section class="notice notice--info claims" aria-labelledby="claims-title" data-claims>
                <h3 id="claims-title">{format!("{}{count}{}", t.claim_before, t.claim_after)}</h3>
                <ul>{rows}</ul>
                <p class="hint">{t.claim_hint}</p>
                <div class="sync__actions">
                    <button type="button" class="button" on:click=move |_| claims.answer(true)>{t.claim_mine}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| claims.answer(false)>{t.claim_not_mine}</button>
                </div>
            </section>
        })
    }
}
