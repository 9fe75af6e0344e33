//! The host origin's localStorage, under the widget's namespace (`faq-widget:<key>`).
//!
//! Storage may be missing, blocked (reading `window.localStorage` itself throws a `SecurityError`
//! in some private modes and sandboxed frames), full (`setItem` throws `QuotaExceededError`) or
//! replaced by the host: every function here then does nothing, returns `None`/`false`, and never
//! throws into the console or panics. The widget still works for the page view.
//!
//! Writing anything but the consent record needs a [`StoragePermit`]: ask the consent state
//! first (`ConsentState::permit`, handed out by `hooks::use_consent`, which documents the rules).

use crate::consent::{Record, StoragePermit, RECORD_KEY};

/// Every key the widget writes starts with this.
pub const PREFIX: &str = "faq-widget:";

/// The full storage key of a widget key.
pub fn full_key(key: &str) -> String {
    format!("{PREFIX}{key}")
}

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(&full_key(key)).ok().flatten()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn get(_key: &str) -> Option<String> {
    None
}

/// Stores `value` under `key` if the visitor accepted; `false` when storage is unavailable or
/// full.
pub fn set(_permit: &StoragePermit, key: &str, value: &str) -> bool {
    write(key, value)
}

#[cfg(target_arch = "wasm32")]
fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(&full_key(key), value).is_ok())
}

#[cfg(not(target_arch = "wasm32"))]
fn write(_key: &str, _value: &str) -> bool {
    false
}

#[cfg(target_arch = "wasm32")]
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&full_key(key));
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn remove(_key: &str) {}

/// The stored consent record, if there is a readable one.
pub fn load_record() -> Option<Record> {
    Record::parse(&get(RECORD_KEY)?)
}

/// Writes the consent record (strictly necessary storage: no permit); `false` if it could not.
pub fn save_record(record: &Record) -> bool {
    write(RECORD_KEY, &record.serialise())
}

/// Deletes everything the widget stored except the consent record (on reject, and at start when
/// there is no current acceptance). Keys outside the namespace are the host's: never touched.
/// `keep_offline_copies`: the site owner declared the offline copies essential
/// (`data-offline="always"`), so they stay whatever the visitor chose (`crate::offline`).
#[cfg(target_arch = "wasm32")]
pub fn clear_widget_data(keep_offline_copies: bool) {
    let Some(storage) = local_storage() else {
        return;
    };
    let record = full_key(RECORD_KEY);
    let count = storage.length().unwrap_or(0);
    let kept = |key: &str| {
        keep_offline_copies
            && key
                .strip_prefix(PREFIX)
                .is_some_and(crate::offline::is_copy_key)
    };
    // Collected first: removing while walking the indices would skip keys.
    let ours: Vec<String> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREFIX) && *key != record && !kept(key))
        .collect();
    for key in ours {
        let _ = storage.remove_item(&key);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn clear_widget_data(_keep_offline_copies: bool) {}

/// Milliseconds since the epoch, as an integer (no float formatting anywhere).
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> u64 {
    // A saturating cast: NaN or a negative clock gives 0, which simply counts as expired.
    js_sys::Date::now() as u64
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis().try_into().unwrap_or(u64::MAX))
}
