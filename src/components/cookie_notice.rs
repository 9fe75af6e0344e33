use yew::prelude::*;

use std::rc::Rc;

use crate::browser::dom;
use crate::consent::Choice;
use crate::faq::CookieNotice;
use crate::hooks::Consent;
use crate::host::prefixed;
use crate::i18n::Strings;

#[derive(Properties, PartialEq)]
pub struct CookieNoticeViewProps {
    pub notice: CookieNotice,
    pub consent: Consent,
    /// A short confirmation for the widget's polite live region.
    pub on_announce: Callback<String>,
    /// Interface texts in the FAQ's language.
    #[prop_or_default]
    pub strings: Rc<Strings>,
    /// The widget's element id prefix (`Host::ids`): empty in a shadow root.
    #[prop_or_default]
    pub ids: AttrValue,
    /// The "Cookie settings" button, which keeps the focus after a choice. A fresh one per
    /// render does: the button holds the one its render's handlers use.
    #[prop_or_default]
    pub settings_ref: NodeRef,
}

/// The cookie notice, in the flow of the widget (never an overlay: it pushes the questions down
/// but cannot cover them), with the "Cookie settings" disclosure button that shows and hides it.
/// Renders nothing when the widget has no notice (see `hooks::use_consent`).
///
/// It has no state of its own, and `FaqView` renders it by calling [`cookie_notice`] directly:
/// a component of its own adds its lifecycle code to the wasm (about 0.5 KB brotli, BENCHMARKS.md
/// "Languages") and saves nothing, since the view re-renders it with the consent anyway. Yew
/// apps can use it as `<CookieNoticeView ... />`.
#[component(CookieNoticeView)]
pub fn cookie_notice_view(props: &CookieNoticeViewProps) -> Html {
    cookie_notice(props)
}

/// The markup of [`CookieNoticeView`], for the view that owns the consent.
pub fn cookie_notice(props: &CookieNoticeViewProps) -> Html {
    let consent = &props.consent;
    let settings_ref = &props.settings_ref;
    if !consent.has_notice() {
        return Html::default();
    }
    let open = consent.is_open();
    let choose = |choice: Choice| {
        let consent = consent.clone();
        let on_announce = props.on_announce.clone();
        let settings_ref = settings_ref.clone();
        let strings = props.strings.clone();
        move |_: MouseEvent| {
            let saved = consent.choose(choice);
            // The notice closes; focus stays where it was, on the control that reopens it.
            dom::focus(&settings_ref);
            on_announce.emit(strings.get(confirmation(choice, saved)));
        }
    };
    let accept = choose(Choice::Accepted);
    let reject = choose(Choice::Rejected);
    let toggle = {
        let consent = consent.clone();
        move |_: MouseEvent| consent.toggle()
    };
    let more = props.notice.more.as_ref().map(|more| match &more.href {
        Some(href) => html! { <a href={href.clone()}>{ more.text.clone() }</a> },
        None => html! { { more.text.clone() } },
    });
    let current = consent.choice().map(|choice| {
        html! {
            <p class="faq-cookie-current">
                { props.strings.get(match choice {
                    Choice::Accepted => "cookie.current_accepted",
                    Choice::Rejected => "cookie.current_rejected",
                }) }
            </p>
        }
    });
    let notice_id = prefixed(&props.ids, "faq-cookie-notice");
    html! {
        <div class="faq-cookies">
            <button
                type="button"
                class="faq-link-button faq-cookie-settings"
                aria-expanded={if open { "true" } else { "false" }}
                aria-controls={notice_id.clone()}
                ref={settings_ref}
                onclick={toggle}
            >
                { props.strings.get("cookie.settings") }
            </button>
            <section id={notice_id} class="faq-cookie-notice" aria-label={props.strings.get("cookie.label")} hidden={!open}>
                <p class="faq-cookie-text">
                    { props.notice.text.clone() }
                    if more.is_some() { { " " }{ more } }
                </p>
                { current }
                <div class="faq-cookie-choices">
                    <button type="button" class="faq-button" onclick={accept}>{ props.strings.get("cookie.accept") }</button>
                    <button type="button" class="faq-button" onclick={reject}>{ props.strings.get("cookie.reject") }</button>
                </div>
            </section>
        </div>
    }
}

/// The interface text key of what the live region says after a choice.
pub fn confirmation(choice: Choice, saved: bool) -> &'static str {
    match (choice, saved) {
        (Choice::Accepted, true) => "cookie.accepted",
        (Choice::Rejected, true) => "cookie.rejected",
        (Choice::Accepted, false) => "cookie.accepted_visit",
        (Choice::Rejected, false) => "cookie.rejected_visit",
    }
}
