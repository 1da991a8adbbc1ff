//! The browse entry point (`index.html`: the directory and the cards): only mounts; see
//! `browse.rs`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    compound_steward::mount_browse();
}
