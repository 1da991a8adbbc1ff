//! "Export a summary package": what the district office counts from this steward's
//! compounds, as one file to send it (format in `format::summary`).

use leptos::prelude::*;

use crate::domain::phone::parse_phone;
use crate::domain::time::format_date;
use crate::format::documents::DocKind;
use crate::format::summary::{Held, Source, build_package};
use crate::platform::clock::now;
use crate::platform::download::download;
use crate::state::logs::use_logs;
use crate::state::records::{use_records, use_records_writer};
use crate::state::steward_session::use_steward_session;
use crate::state::use_district_strings;

#[component]
pub fn PackageExport() -> impl IntoView {
    let records = use_records();
    let records_writer = use_records_writer();
    let logs = use_logs();
    let session = use_steward_session();
    let d = use_district_strings();
    let missing = RwSignal::new(false);
    let export = move |_| {
        let Some(profile) = session.mode.with_untracked(|m| m.profile.clone()) else {
            return missing.set(true);
        };
        missing.set(false);
        // The steward's number identifies the source: a newer file replaces the older.
        let digits = parse_phone(&profile.phone).map_or(profile.phone.clone(), |p| p.digits);
        let source = Source {
            id: format!("steward-{digits}"),
            name: profile.name,
            role: profile.role,
            compounds: profile.compounds,
        };
        let at = now();
        let rev_of = |id: &str| match id.split(':').next().and_then(DocKind::from_key) {
            Some(DocKind::Report) => records_writer.report_docs.rev_of(id),
            Some(DocKind::Compound) => records_writer.compound_docs.rev_of(id),
            Some(DocKind::Mediation) => logs.mediation_docs.rev_of(id),
            Some(DocKind::Arrears) => logs.arrears_docs.rev_of(id),
            Some(DocKind::Change) => logs.changes.rev_of(id),
            _ => None,
        };
        let package = records.reports.with_untracked(|reports| {
            logs.mediations.with_untracked(|mediations| {
                logs.arrears.with_untracked(|arrears| {
                    logs.changes.records.with_untracked(|changes| {
                        records.local_compounds.with_untracked(|compounds| {
                            let held = Held {
                                reports,
                                mediations,
                                arrears,
                                changes,
                                compounds,
                            };
                            build_package(source, held, rev_of, at)
                        })
                    })
                })
            })
        });
        let text = serde_json::to_string(&package).unwrap_or_default();
        download(
            &format!("huizong-{digits}-{}.json", format_date(at)),
            "application/json",
            &text,
        );
    };
    view! {
        <section class="panel package-export">
            <h2>{move || d().export_title}</h2>
            <p>{move || d().export_hint}</p>
            <button type="button" class="button button--secondary" data-export-package on:click=export>{move || d().export_button}</button>
            <Show when=move || missing.get()>
                <p class="notice notice--error" role="alert">{move || d().export_no_profile}</p>
            </Show>
        </section>
    }
}
