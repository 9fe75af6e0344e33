//! The cookie notice, in the flow of the widget (never an overlay: it pushes the questions down
//! but cannot cover them), with the "Cookie settings" disclosure button that shows and hides it.

use super::{el, text, Action, Node};
use crate::consent::Choice;
use crate::faq::CookieNotice;
use crate::i18n::Strings;

pub struct CookieNoticeProps<'a> {
    pub notice: &'a CookieNotice,
    /// Whether the notice is shown.
    pub open: bool,
    /// The visitor's current choice, if one answers this notice.
    pub choice: Option<Choice>,
    pub strings: &'a Strings,
}

pub fn cookie_notice(props: &CookieNoticeProps) -> Node {
    let strings = props.strings;
    let more = props.notice.more.as_ref().map(|more| match &more.href {
        Some(href) => el("a")
            .attr("href", href.as_str())
            .text(more.text.as_str())
            .into(),
        None => text(more.text.as_str()),
    });
    let current = props.choice.map(|choice| {
        el("p")
            .class("faq-cookie-current")
            .text(strings.get(match choice {
                Choice::Accepted => "cookie.current_accepted",
                Choice::Rejected => "cookie.current_rejected",
            }))
    });
    let mut section = el("section")
        .attr("id", "faq-cookie-notice")
        .class("faq-cookie-notice")
        .attr("aria-label", strings.get("cookie.label"));
    if !props.open {
        section = section.attr("hidden", "");
    }
    let mut paragraph = el("p")
        .class("faq-cookie-text")
        .text(props.notice.text.as_str());
    if let Some(more) = more {
        paragraph = paragraph.text(" ").child(more);
    }
    let choice = |accept: bool, key: &str| {
        el("button")
            .attr("type", "button")
            .class("faq-button")
            .on(Action::Choose(accept))
            .text(strings.get(key))
    };
    el("div")
        .class("faq-cookies")
        .child(
            el("button")
                .attr("type", "button")
                .class("faq-link-button faq-cookie-settings")
                .flag("aria-expanded", props.open)
                .attr("aria-controls", "faq-cookie-notice")
                .on(Action::CookieSettings)
                .text(strings.get("cookie.settings")),
        )
        .child(
            section.child(paragraph).maybe(current).child(
                el("div")
                    .class("faq-cookie-choices")
                    .child(choice(true, "cookie.accept"))
                    .child(choice(false, "cookie.reject")),
            ),
        )
        .into()
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
