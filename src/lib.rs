//! 小区管家 · Compound Steward. The pure core (`domain`, most of `store`) compiles and
//! tests natively; the UI exists only in the wasm build.

pub mod domain;
pub mod i18n;
pub mod store;
