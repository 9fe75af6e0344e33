//! Keeping the FAQ for offline use (`crate::offline`), as far as consent allows: the saved copy
//! of the last FAQ that came from the network, and the widget's service worker on pages that
//! can have it. When the ground goes (the visitor rejects or withdraws, or no current
//! acceptance at start), the worker is unregistered and its caches are deleted (on a host whose
//! own worker imports `sw.js`, the cached FAQ texts; see `worker` in web/embed.js); the saved
//! copy goes with the rest of the widget's storage (`hooks::use_consent`), except when the site
//! owner declared it essential (`data-offline="always"`).

use yew::prelude::*;

use super::Consent;
use crate::browser::storage;
use crate::consent::{offline_ground, OfflineGround};
use crate::faq::Faq;
use crate::host::Host;
use crate::load::Fetched;
use crate::offline::{self, SavedCopy};

/// Call once per widget, from the view that owns the consent (`FaqView`), with the embedding
/// page's options (`host`). `src` is the FAQ's URL.
#[hook]
pub fn use_offline(host: &Host, consent: &Consent, faq: &Faq, src: &AttrValue, fetched: &Fetched) {
    let host = host.clone();
    let accepted = consent.allows_storage();
    let ground = offline_ground(
        accepted,
        faq.cookie_notice.is_some(),
        host.cookie_notice,
        host.offline_always,
    );
    // The saved copy, each time the FAQ on screen came from the network; the service worker,
    // registered with a ground, forgotten without one. One effect: each costs wasm bytes.
    let key = offline::copy_key(src);
    let text = fetched.text.clone();
    let fresh = fetched.saved_ms.is_none() && !text.is_empty() && !src.is_empty();
    let src = src.clone();
    let has_notice = consent.has_notice();
    // A language choice (embed.js keeps it with 2) is the visitor's data: never kept on the
    // site owner's word alone.
    let keep = 2 - u8::from(ground == Some(OfflineGround::Essential) && !accepted);
    use_effect_with(
        (ground, keep, fetched.updates, fresh),
        move |(ground, keep, _, fresh)| match ground {
            Some(ground) => {
                if *fresh && text.len() <= offline::MAX_SAVED_CHARS {
                    let copy = SavedCopy::serialise(storage::now_ms(), &text);
                    storage::set(&ground.permit(), &key, &copy);
                } else if *fresh {
                    // Too big to keep: an older, smaller copy would only mislead.
                    storage::remove(&key);
                }
                host.service_worker(*keep, offline::without_fragment(&src));
            }
            // Rejected, withdrawn, expired or not answered yet. (Without any notice, that is
            // `data-cookie-notice="off"`, the widget touches no storage at all.)
            None if has_notice => host.service_worker(0, ""),
            None => {}
        },
    );
}
