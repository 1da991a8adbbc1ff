//! `/steward/data`: backing up what this phone keeps, restoring it, the reports as CSV,
//! archiving closed reports and finding them again. A page of the
//! console, open without the steward PIN: it is the phone owner's own data.

use leptos::prelude::*;

use crate::components::archive_tools::ArchiveTools;
use crate::components::backup_tools::{BackupExport, BackupRestore};
use crate::state::use_console_strings;

#[component]
pub fn BackupPage() -> impl IntoView {
    let c = use_console_strings();
    view! {
        <section class="page settings">
            <h1 class="page__title">{move || c().backup_title}</h1>
            <p class="hint">{move || c().backup_hint}</p>
            <div class="settings__group">
                <BackupExport/>
                <BackupRestore/>
            </div>
            <ArchiveTools/>
        </section>
    }
}
