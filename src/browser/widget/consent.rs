//! The cookie notice's choices, other widgets and tabs, and the offline effects that follow.

use super::*;

impl Widget {
    pub(super) fn consent(&mut self, action: ConsentAction) {
        let Some(view) = &mut self.view else { return };
        view.consent = std::mem::take(&mut view.consent).apply(action);
        if let Ok(Some(dom)) = view.section.query_selector(".faq-cookies") {
            if let Some(node) = app::cookies(&view.props()) {
                morph(&self.document, &dom, &node);
            }
        }
        self.offline_effect();
    }

    /// A choice made in this widget: stored, the widget's other data deleted on reject, the
    /// host told, focus on "Cookie settings" (the notice closes), and a confirmation.
    pub(super) fn choose(&mut self, choice: Choice) {
        let Some(view) = &self.view else { return };
        let Some(record) = view.consent.decision(choice, storage::now_ms()) else {
            return;
        };
        let saved = storage::save_record(&record);
        if !record.accepted() {
            storage::clear_widget_data(self.host.offline_always);
        }
        self.consent(ConsentAction::Decide(record));
        emit_consent(&self.host, &record);
        let Some(view) = &self.view else { return };
        if let Ok(Some(settings)) = view.section.query_selector(".faq-cookie-settings") {
            dom::focus(&settings);
        }
        let text = view.strings.get(confirmation(choice, saved));
        self.dispatch(ViewAction::Announce(text));
    }

    /// A choice made in another widget on this page.
    pub(super) fn on_other_widget_consent(&mut self, event: &JsValue) {
        if self
            .view
            .as_ref()
            .is_none_or(|v| v.consent.revision.is_none())
        {
            return;
        }
        // Unchecked: `detail` of an event that is no CustomEvent is undefined (no fields).
        let detail = event.unchecked_ref::<web_sys::CustomEvent>().detail();
        let field = |key: &str| js_sys::Reflect::get(&detail, &JsValue::from_str(key)).ok();
        let accepted = field("accepted").and_then(|v| v.as_bool());
        let revision = field("revision").and_then(|v| v.as_f64());
        if let (Some(accepted), Some(revision)) = (accepted, revision) {
            let now = storage::now_ms();
            let record = Record {
                choice: if accepted {
                    Choice::Accepted
                } else {
                    Choice::Rejected
                },
                // Saturating casts: a revision that is no u32 cannot match by accident.
                revision: revision as u32,
                time_ms: now,
            };
            self.consent(ConsentAction::Sync(Some(record), now));
        }
    }

    /// The consent record changed in another tab.
    pub(super) fn on_storage(&mut self, event: JsValue) {
        let Some(revision) = self.view.as_ref().and_then(|v| v.consent.revision) else {
            return;
        };
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        let key = event.key();
        // `key` is null when the other tab cleared all of storage.
        if key.is_some() && key != Some(storage::full_key(crate::consent::RECORD_KEY)) {
            return;
        }
        let now = storage::now_ms();
        let record = event
            .new_value()
            .and_then(|value| Record::parse(&value))
            .filter(|record| record.is_current(revision, now));
        self.consent(ConsentAction::Sync(record, now));
        emit_consent(
            &self.host,
            &record.unwrap_or(Record {
                choice: Choice::Rejected,
                revision,
                time_ms: now,
            }),
        );
    }

    /// Keeping the FAQ for offline use, as far as consent allows: the saved copy of the last
    /// FAQ that came from the network, and the widget's service worker on pages that can have
    /// it; forgotten when the ground goes (see `crate::offline`, `crate::consent`).
    pub(super) fn offline_effect(&mut self) {
        let Some(view) = &mut self.view else { return };
        let ground = offline_ground(
            view.consent.allows_storage(),
            view.faq.cookie_notice.is_some(),
            self.host.cookie_notice,
            self.host.offline_always,
        );
        let fetched = &self.loader.fetched;
        let fresh = fetched.saved_ms.is_none() && !fetched.text.is_empty() && !self.src.is_empty();
        let now = (ground, fetched.updates, fresh);
        if view.offline_for == Some(now) {
            return;
        }
        view.offline_for = Some(now);
        match ground {
            Some(ground) => {
                let key = offline::copy_key(&self.src);
                if fresh && fetched.text.len() <= offline::MAX_SAVED_CHARS {
                    let copy = SavedCopy::serialise(storage::now_ms(), &fetched.text);
                    storage::set(&ground.permit(), &key, &copy);
                } else if fresh {
                    // Too big to keep: an older, smaller copy would only mislead.
                    storage::remove(&key);
                }
                self.host
                    .service_worker(true, offline::without_fragment(&self.src));
            }
            // Rejected, withdrawn, expired or not answered yet. (Without any notice, that is
            // `data-cookie-notice="off"`, the widget touches no storage at all.)
            None if view.consent.revision.is_some() => self.host.service_worker(false, ""),
            None => {}
        }
    }
}
