//! A compound's 业委会 and the contract that runs it, as the office published them
//! (`/data/records.json`, written by the publishing job from the office's records: no
//! member's name). Residents ask who runs their compound, on what terms, and whether
//! owners have a committee; the office keeps the answer, this shows it.

use leptos::prelude::*;

use crate::domain::governance::committee::Stage;
use crate::domain::governance::contract::fee_text;
use crate::domain::governance::public::{PublicCommittee, PublicContract, PublicRecords};
use crate::format::collections::RECORDS_SCHEMA;
use crate::format::entry_points::PUBLIC_RECORDS;
use crate::format::envelope::decode;
use crate::format::migrations;
use crate::i18n::Strings;
use crate::i18n::records::{RecordStrings, record_strings};
use crate::platform::fetch::fetch_text;
use crate::state::use_strings;

/// Where reading the published records stands.
#[derive(Clone)]
enum Read {
    Loading,
    /// Offline before the file was ever cached, or a file that does not read.
    Failed,
    Ready(PublicRecords),
}

/// Each published record of `compound` under its title, or a sentence saying there is
/// none yet, or that the file could not be read.
#[component]
pub fn CompoundRecords(
    /// The compound's id.
    compound: String,
) -> impl IntoView {
    let s = use_strings();
    let (read, set_read) = signal(Read::Loading);
    wasm_bindgen_futures::spawn_local(async move {
        let text = fetch_text(PUBLIC_RECORDS).await.unwrap_or_default();
        set_read.set(
            decode("records", &text, RECORDS_SCHEMA, migrations::none)
                .map_or(Read::Failed, Read::Ready),
        );
    });
    move || {
        let (s, r) = (s(), record_strings(s().lang));
        let said = |class: &'static str, text: &'static str| {
            view! { <p class=class role="status">{text}</p> }.into_any()
        };
        match read.get() {
            Read::Loading => said("loading", s.loading),
            Read::Failed => said("notice notice--error", r.unavailable),
            Read::Ready(all) => {
                let shown = entries(&all, &compound, r, s);
                if shown.is_empty() {
                    return said("records__none", r.none);
                }
                shown
                    .into_iter()
                    .map(|(title, lines)| {
                        view! {
                            <section class="facts records">
                                <h2>{title}</h2>
                                <ul class="records__lines">
                                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        }
    }
}

/// Each record shown: its title (with the sample mark) and its lines.
fn entries(
    all: &PublicRecords,
    compound: &str,
    r: &RecordStrings,
    s: &Strings,
) -> Vec<(String, Vec<String>)> {
    let title = |t: &str, sample: bool| {
        if sample {
            s.with_note(t, r.sample)
        } else {
            t.to_string()
        }
    };
    let mut shown = Vec::new();
    if let Some(c) = all.committee(compound) {
        shown.push((title(r.committee, c.sample), committee_lines(c, r)));
    }
    if let Some(k) = all.latest_contract(compound) {
        shown.push((
            title(r.contract, k.sample),
            contract_lines(k, compound, r, s),
        ));
    }
    shown
}

fn committee_lines(c: &PublicCommittee, r: &RecordStrings) -> Vec<String> {
    let mut lines = vec![(r.stage)(c.stage).to_string()];
    if let (Some(step), Some(on)) = (c.latest_step, &c.latest_step_on) {
        lines.push((r.latest_step)((r.step)(step), on));
    }
    if let (Stage::Elected, Some(start), Some(end)) = (c.stage, &c.term_start, &c.term_end) {
        lines.push((r.term)(start, end));
    }
    lines
}

fn contract_lines(
    k: &PublicContract,
    compound: &str,
    r: &RecordStrings,
    s: &Strings,
) -> Vec<String> {
    let mut lines = vec![k.company.clone()];
    if k.migrated {
        lines.push(r.to_complete.to_string());
    }
    if let (Some(start), Some(end), Some(months)) = (&k.start, &k.end, k.term_months) {
        lines.push((r.period)(start, end, months));
    }
    if let (true, Some(end)) = (k.ended, &k.end) {
        lines.push((r.ended)(end));
    }
    if !k.scope.is_empty() {
        let names: Vec<String> = k.scope.iter().map(|v| (r.service)(*v).into()).collect();
        lines.push((r.services)(&s.list(&names)));
    }
    if let Some(fen) = k.fee_fen {
        lines.push((r.fee)(&fee_text(fen)));
    }
    let others = k.compounds.iter().filter(|c| *c != compound).count();
    if others > 0 {
        lines.push((r.package)(others));
    }
    lines
}
