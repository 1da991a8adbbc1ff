//! The district dashboard's entry point (`district.html`): only mounts; see `dashboard.rs`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    compound_steward::mount_dashboard();
}
