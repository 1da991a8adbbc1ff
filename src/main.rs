//! Only mounts; everything else is in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    compound_steward::mount();
}
