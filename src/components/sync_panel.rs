//! 同步 in 我的 and the steward console: the state of sync in words, sign in or out, start,
//! stop or sync now, and (folded away) the server address.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::form_fields::FieldMessage;
use crate::domain::time::format_date_time;
use crate::format::replication::databases::{DbRole, UserCtx, db_role};
use crate::format::replication::health::DbHealth;
use crate::format::replication::problem::SyncProblem;
use crate::i18n::Strings;
use crate::i18n::sync::SyncStrings;
use crate::state::sync::{SyncPhase, SyncStatus, use_sync, use_sync_writer};
use crate::state::{use_state, use_strings, use_sync_strings};

/// `children`: what the resident app adds under who is signed in (the claim question);
/// the console, which has no such question, carries none of it.
#[component]
pub fn SyncPanel(#[prop(optional)] children: Option<Children>) -> impl IntoView {
    let sync = use_sync();
    let writer = use_sync_writer();
    let t = use_sync_strings();
    let state = use_state();
    let compound_name = move |id: &str| {
        state.compounds.with_untracked(|all| {
            all.0
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| id.to_string(), |c| c.name.clone())
        })
    };
    let words = use_strings();
    let on = move || sync.config.with(|c| c.on);
    // A session the server no longer knows needs signing in again, name kept.
    let signed_in = move || {
        sync.status
            .with(|s| s.user.is_some() && s.problem != Some(SyncProblem::SignedOut))
    };
    view! {
        <section class="settings__group sync" aria-labelledby="sync-title">
            <h2 id="sync-title">{move || t().title}</h2>
            <p class="hint">{move || t().intro}</p>
            <p class="sync__state" role="status" data-sync-state>
                {move || sync.status.with(|s| state_line(t(), s))}
            </p>
            {move || sync.status.with(|s| s.problem.clone()).map(|p| view! {
                <p class="sync__problem" role="alert" data-sync-problem>{t().problem(&p)}</p>
            })}
            {move || sync.status.with(|s| s.sign_out_unsent).then(|| view! {
                <p class="sync__problem" role="alert">{t().signed_out_offline}</p>
            })}
            {move || sync.status.with(|s| s.reoffered).then(|| view! {
                <p class="sync__notice" role="status" data-sync-reoffered>{t().reoffered}</p>
            })}
            <RefusedList/>
            <DatabaseList name_of=compound_name/>
            <p class="sync__who" data-sync-user>
                {move || sync.status.with(|st| who(t(), words(), st.user.as_ref(), &compound_name))}
            </p>
            {children.map(|c| c())}
            <div class="sync__actions">
                <Show when=on fallback=move || view! {
                    <button type="button" class="button" on:click=move |_| writer.start()>{move || t().start}</button>
                }>
                    <button type="button" class="button" on:click=move |_| writer.sync_now()>{move || t().sync_now}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| writer.stop()>{move || t().stop}</button>
                </Show>
                <Show when=signed_in>
                    <button type="button" class="button button--secondary" on:click=move |_| writer.sign_out()>{move || t().sign_out}</button>
                </Show>
            </div>
            <Show when=move || !signed_in()>
                <SignInForm/>
            </Show>
            <ServerAddress/>
        </section>
    }
}

/// "Up to date · last synced … · 2 changes waiting · received / sent: 3 / 1".
fn state_line(t: &SyncStrings, s: &SyncStatus) -> String {
    let phase = match s.phase {
        SyncPhase::Off => t.off,
        SyncPhase::Syncing => t.syncing,
        SyncPhase::UpToDate => t.up_to_date,
        SyncPhase::Retrying => t.retrying,
        // That tab says how it goes; counts here would only be this tab's.
        SyncPhase::OtherTab => return t.other_tab.to_string(),
    };
    let last = s.last_sync.map_or_else(
        || t.never.to_string(),
        |at| format!("{}{}", t.last_sync, format_date_time(at)),
    );
    let mut line = format!("{phase} · {last}");
    if s.pending > 0 && s.phase != SyncPhase::Off {
        line.push_str(&format!(" · {}{}", s.pending, t.pending));
    }
    if s.last_sync.is_some() {
        line.push_str(&format!(" · {}{} / {}", t.moved, s.moved.0, s.moved.1));
    }
    line
}

/// "Signed in: wang (steward · 东塘村小区)".
fn who(
    t: &SyncStrings,
    s: &Strings,
    user: Option<&UserCtx>,
    name_of: &dyn Fn(&str) -> String,
) -> String {
    let Some(user) = user else {
        return t.not_signed_in.into();
    };
    let mut roles: Vec<String> = user
        .steward_of()
        .into_iter()
        .map(|c| format!("{}{}", t.steward_of, name_of(c)))
        .collect();
    if user.is_district() {
        roles.push(t.district.into());
    }
    let name = user.name.clone().unwrap_or_default();
    match roles.is_empty() {
        true => format!("{}{name}", t.signed_in_as),
        false => s.with_note(&format!("{}{name}", t.signed_in_as), &s.list(&roles)),
    }
}

/// Each database this account syncs, with its state: synced when, or what went wrong and
/// when it is tried again (the others go on meanwhile).
#[component]
fn DatabaseList(
    /// A compound's name from its id.
    name_of: impl Fn(&str) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let sync = use_sync();
    let t = use_sync_strings();
    let label = move |db: &str| match db_role(db) {
        Some(DbRole::Public(c)) => format!("{}{}", name_of(&c), t().db_public),
        Some(DbRole::Records(c)) => format!("{}{}", name_of(&c), t().db_records),
        Some(DbRole::District) => t().db_district.to_string(),
        Some(DbRole::Own) => t().db_own.to_string(),
        None => db.to_string(),
    };
    let line = move |h: &DbHealth| match (&h.problem, h.last_ok) {
        (Some(p), _) => {
            let retry = h
                .retry_at
                .map(|at| format!("{}{}", t().db_retry, format_date_time(at)));
            format!("{}{}", t().problem(p), retry.unwrap_or_default())
        }
        (None, Some(at)) => format!("{}{}", t().db_synced, format_date_time(at)),
        (None, None) => t().db_not_yet.to_string(),
    };
    let dbs = move || sync.status.with(|s| s.databases.clone());
    view! {
        <Show when=move || !dbs().is_empty()>
            <div class="sync__dbs">
                <p>{move || t().dbs_title}</p>
                <ul>
                    {move || dbs().into_iter().map(|h| view! {
                        <li data-sync-db=h.db.clone() class:sync__db--failing=h.problem.is_some()>
                            <strong>{label(&h.db)}</strong>" "<span>{line(&h)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// What the server would not take, document by document, with its reason.
#[component]
fn RefusedList() -> impl IntoView {
    let sync = use_sync();
    let t = use_sync_strings();
    let refused = move || sync.status.with(|s| s.refused.clone());
    view! {
        <Show when=move || !refused().is_empty()>
            <div class="sync__refused" role="alert" data-sync-refused>
                <p>{move || t().refused_title}</p>
                <ul>
                    {move || refused().into_iter().map(|(id, reason)| view! {
                        <li><code>{id}</code>" — "{reason}</li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn SignInForm() -> impl IntoView {
    let sync = use_sync();
    let writer = use_sync_writer();
    let t = use_sync_strings();
    let name = RwSignal::new(
        sync.config
            .with_untracked(|c| c.user.clone().unwrap_or_default()),
    );
    let password = RwSignal::new(String::new());
    let (busy, set_busy) = signal(false);
    let (error, set_error) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, p) = (name.get_untracked(), password.get_untracked());
        if n.trim().is_empty() || p.is_empty() {
            return set_error.set(Some(t().err_name_missing.into()));
        }
        set_busy.set(true);
        set_error.set(None);
        spawn_local(async move {
            let result = writer.sign_in(n.trim(), &p).await;
            set_busy.set(false);
            match result {
                Ok(()) => password.set(String::new()),
                // Here a 401 is the name or password, not a session that ended.
                Err(SyncProblem::SignedOut) => set_error.set(Some(t().err_wrong_password.into())),
                Err(problem) => set_error.set(Some(t().problem(&problem))),
            }
        });
    };
    view! {
        <form class="sync__sign-in" on:submit=submit novalidate>
            <div class="field">
                <label class="field__label" for="sync-name">{move || t().name}</label>
                <input id="sync-name" class="field__input" name="username" autocomplete="username"
                    aria-describedby="sync-sign-in-error"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label class="field__label" for="sync-password">{move || t().password}</label>
                <input id="sync-password" class="field__input" type="password" name="password"
                    autocomplete="current-password" aria-describedby="sync-sign-in-error"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
            </div>
            <FieldMessage id="sync-sign-in-error" message=error.into()/>
            <button type="submit" class="button" disabled=busy>
                {move || if busy.get() { t().signing_in } else { t().sign_in }}
            </button>
        </form>
    }
}

#[component]
fn ServerAddress() -> impl IntoView {
    let sync = use_sync();
    let writer = use_sync_writer();
    let t = use_sync_strings();
    let typed = RwSignal::new(sync.config.with_untracked(|c| c.server.clone()));
    let (message, set_message) = signal(None::<Result<(), String>>);
    let save = move |_| {
        let result = writer
            .set_server(&typed.get_untracked())
            .map_err(|e| t().address_error(e).to_string());
        if result.is_ok() {
            typed.set(sync.config.with_untracked(|c| c.server.clone()));
        }
        set_message.set(Some(result));
    };
    let error = Signal::derive(move || message.get().and_then(Result::err));
    view! {
        <details class="sync__server">
            <summary>{move || t().server}</summary>
            <div class="field">
                <label class="field__label" for="sync-server">{move || t().server}</label>
                <input id="sync-server" class="field__input" name="server" inputmode="url"
                    aria-describedby="sync-server-hint sync-server-error"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                <p id="sync-server-hint" class="hint">{move || t().server_hint}</p>
                <FieldMessage id="sync-server-error" message=error/>
            </div>
            <button type="button" class="button button--secondary" on:click=save>{move || t().save_server}</button>
            <Show when=move || message.get() == Some(Ok(()))>
                <p role="status">{move || t().server_saved}</p>
            </Show>
        </details>
    }
}
