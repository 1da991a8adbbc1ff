//! The link a page was opened with, read from its fragment — and read again whenever the
//! fragment changes: a second hand-off link opened into the same tab (same path, another
//! fragment) loads no page, and must not leave the first link's report on screen. (Only
//! the programs that read links listen: the fragment is not part of `state::location`,
//! which the small first-visit programs share.)

use leptos::prelude::*;

use crate::format::handoff::{Kind, LinkError};
use crate::platform::handoff_link::read_fragment;
use crate::platform::history::{current_hash, on_hash_change};

/// What the current fragment carries, decoded by `decode`: `None` while it is being read
/// (or when `decode` passed the link on to another program and returned `None`).
pub fn use_link<T: Clone + Send + Sync + 'static>(
    decode: fn(Kind, Vec<u8>) -> Option<Result<T, LinkError>>,
) -> ReadSignal<Option<Result<T, LinkError>>> {
    let (hash, set_hash) = signal(current_hash());
    on_hash_change(move || set_hash.set(current_hash()));
    let (read, set_read) = signal(None::<Result<T, LinkError>>);
    Effect::new(move |_| {
        let fragment = hash.get();
        set_read.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let message = match read_fragment(&fragment).await {
                Ok((kind, body)) => decode(kind, body),
                Err(e) => Some(Err(e)),
            };
            // A newer link arrived while this one was decompressing: it wins.
            if hash.get_untracked() == fragment {
                set_read.set(message);
            }
        });
    });
    read
}
