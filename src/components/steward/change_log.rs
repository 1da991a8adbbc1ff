//! The change log of a compound's battle map (roster and facts): the last ten changes —
//! who, when, what, before → after — and "undo the last change", which applies the
//! opposite of the newest change not yet taken back to the compound as it is now.

use leptos::prelude::*;

use crate::domain::compound::Compound;
use crate::domain::compound_facts::{Facts, FactsField, FactsInput};
use crate::domain::roster_edit::{
    ChangeKind, RosterChange, last_undoable, scope_key, scope_options,
};
use crate::domain::steward::Steward;
use crate::domain::time::format_date_time;
use crate::i18n::Strings;
use crate::i18n::console::ConsoleStrings;
use crate::platform::clock::now;
use crate::state::logs::{Logs, use_logs};
use crate::state::records::use_records_writer;
use crate::state::steward_session::{StewardSession, use_steward_session};
use crate::state::{use_console_strings, use_state, use_strings};

/// Writes changes to the log in the name of the steward using this device.
/// (Made while the component is built: it holds the contexts event handlers need.)
#[derive(Clone, Copy)]
pub struct ChangeRecorder {
    compound: StoredValue<String>,
    session: StewardSession,
    logs: Logs,
}

impl ChangeRecorder {
    pub fn new(compound_id: String) -> Self {
        ChangeRecorder {
            compound: StoredValue::new(compound_id),
            session: use_steward_session(),
            logs: use_logs(),
        }
    }

    /// A blank change of `kind`, now, by this device's steward; fill in what changed.
    pub fn change(&self, kind: ChangeKind) -> RosterChange {
        let by = self
            .session
            .mode
            .with_untracked(|m| m.profile.as_ref().map(|p| p.name.clone()));
        RosterChange::new(
            &self.compound.get_value(),
            kind,
            by.unwrap_or_default(),
            now(),
        )
    }

    pub fn record(&self, change: RosterChange) {
        self.logs.changes.put(change);
    }
}

/// "李秀英 · 和事佬 · 楼栋长 · 139 0000 0007 · 3栋": a steward on one line.
pub fn steward_line(s: &Strings, c: Option<&Compound>, st: &Steward) -> String {
    let key = scope_key(&st.scope);
    let scope = c
        .map(scope_options)
        .and_then(|o| o.into_iter().find(|(sc, _)| scope_key(sc) == key))
        .map(|(_, name)| name)
        .unwrap_or_default();
    [
        st.name.as_str(),
        s.role(st.role),
        &st.title,
        &st.phone,
        &scope,
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The facts that differ, each "label: before → after".
fn facts_diff(s: &Strings, c: &ConsoleStrings, a: &Facts, b: &Facts) -> String {
    use FactsField::*;
    // Each field as the form shows it (the same texts), the chosen two in words.
    let shown = |f: &Facts, typed: &FactsInput, field: FactsField| -> String {
        match field {
            Mode => s.mode(f.mode).to_string(),
            Covered => if f.covered { c.yes } else { c.no }.to_string(),
            _ => typed.text(field).to_string(),
        }
    };
    let (typed_a, typed_b) = (FactsInput::of(a), FactsInput::of(b));
    // An entry from before the emergency lines were editable here says nothing of them.
    let without_lines = a.emergency.is_none() || b.emergency.is_none();
    let changes: Vec<String> = FactsField::ALL
        .into_iter()
        .filter(|f| !(without_lines && matches!(f, Gas | Power | Lift)))
        .filter_map(|field| {
            let (before, after) = (shown(a, &typed_a, field), shown(b, &typed_b, field));
            (before != after)
                .then(|| format!("{}{}{before} → {after}", c.facts_label(field), s.colon()))
        })
        .collect();
    s.clauses(&changes)
}

/// What a change did, in words.
fn change_text(
    s: &Strings,
    c: &ConsoleStrings,
    cp: Option<&Compound>,
    ch: &RosterChange,
) -> String {
    if let (Some(a), Some(b)) = (&ch.facts_before, &ch.facts_after) {
        return facts_diff(s, c, a, b);
    }
    if ch.tree_before.is_some() {
        return ch.note.clone();
    }
    let side = |st: Option<&Steward>| st.map_or_else(|| "—".into(), |st| steward_line(s, cp, st));
    format!("{} → {}", side(ch.before.as_ref()), side(ch.after.as_ref()))
}

#[component]
pub fn ChangeLog(
    /// The compound whose changes these are.
    compound_id: String,
) -> impl IntoView {
    let state = use_state();
    let records_writer = use_records_writer();
    let logs = use_logs();
    let s = use_strings();
    let c = use_console_strings();
    let recorder = ChangeRecorder::new(compound_id.clone());
    let id = StoredValue::new(compound_id);
    let compound = state.compound(id.get_value());
    let (message, set_message) = signal(None::<fn(&ConsoleStrings) -> &'static str>);
    let undo = move |_| {
        let last = logs
            .changes
            .records
            .with_untracked(|log| last_undoable(log, &id.get_value()).cloned());
        match (last, compound.get_untracked()) {
            (Some(last), Some(cp)) => {
                let back = recorder.change(ChangeKind::Undone);
                records_writer.put_compound(last.undo(&cp, back.at));
                recorder.record(last.reversed(back.by.clone(), back.at));
                recorder.record(RosterChange {
                    undone: true,
                    updated_at: back.at,
                    ..last
                });
                set_message.set(Some(|c| c.undone_msg));
            }
            _ => set_message.set(Some(|c| c.nothing_to_undo)),
        }
    };
    let entries = move || {
        logs.changes.records.with(|all| {
            let mut mine: Vec<RosterChange> = all
                .iter()
                .filter(|ch| ch.compound == id.get_value())
                .cloned()
                .collect();
            mine.sort_by_key(|ch| std::cmp::Reverse(ch.at));
            mine.truncate(10);
            mine
        })
    };
    view! {
        <section class="change-log panel" aria-labelledby="change-log-title">
            <h2 id="change-log-title">{move || c().change_log_title}</h2>
            <button type="button" class="button button--secondary" on:click=undo>{move || c().undo_last}</button>
            {move || message.get().map(|m| view! { <p class="notice notice--info" role="status">{move || m(c())}</p> })}
            <ol class="change-log__list">
                {move || {
                    let list = entries();
                    if list.is_empty() {
                        return view! { <li class="change-log__empty">{c().no_changes}</li> }.into_any();
                    }
                    list.into_iter().map(|ch| {
                        let text = compound.with(|cp| change_text(s(), c(), cp.as_ref(), &ch));
                        view! {
                            <li class=format!("change-log__entry change-log__entry--{}", ch.kind.key())>
                                <b>{c().change_kind(ch.kind)}</b>
                                {ch.undone.then(|| view! { <span class="tag">{c().change_kind(ChangeKind::Undone)}</span> })}
                                " " {format_date_time(ch.at)} " · " {ch.by.clone()}
                                <br/>{text}
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ol>
        </section>
    }
}
