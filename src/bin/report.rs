//! The report entry point (`report.html`: the report form, `/report/new`): only mounts;
//! see `report.rs`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    compound_steward::mount_report();
}
