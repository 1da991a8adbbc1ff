//! The card entry point (`card.html`: one building's card, the QR path): only mounts; see
//! `card.rs`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    compound_steward::mount_card();
}
