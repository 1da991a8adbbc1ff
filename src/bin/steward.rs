//! The steward console's entry point (`steward.html`): only mounts; see `console.rs`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    compound_steward::mount_console();
}
