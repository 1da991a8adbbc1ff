//! The pinyin table for the directory's search (`dtc` finds 东塘村小区), fetched the first
//! time a search needs it — Latin letters typed — and kept for the page's life. Chinese
//! text matches at once without it; initials match from the moment it arrives.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Shared;
use crate::domain::pinyin::PinyinTable;
use crate::platform::fetch::fetch_text;

const TABLE_URL: &str = "/data/pinyin.txt";

thread_local! {
    /// Fetched once per page, whichever directory view asked.
    static TABLE: RefCell<Option<Shared<PinyinTable>>> = const { RefCell::new(None) };
}

/// The table once `wanted` has been true (fetched then); `None` until it has arrived. A
/// failed fetch (offline before the worker cached it) is tried again the next time
/// `wanted` changes.
pub fn pinyin_when(wanted: Memo<bool>) -> ReadSignal<Option<Shared<PinyinTable>>> {
    let (table, set_table) = signal(TABLE.with(|t| t.borrow().clone()));
    let asking = StoredValue::new(false);
    Effect::new(move |_| {
        if !wanted.get() || asking.get_value() || table.with_untracked(Option::is_some) {
            return;
        }
        asking.set_value(true);
        spawn_local(async move {
            let fetched = fetch_text(TABLE_URL).await;
            asking.set_value(false);
            let Some(text) = fetched else {
                return;
            };
            let loaded = Shared(Arc::new(PinyinTable::parse(&text)));
            TABLE.with(|t| *t.borrow_mut() = Some(loaded.clone()));
            set_table.set(Some(loaded));
        });
    });
    table
}
