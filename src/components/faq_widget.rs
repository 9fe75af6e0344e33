//! The root component: the whole widget for one faq.json (loading, the error, or the FAQ).

use std::rc::Rc;

use yew::prelude::*;

use super::error_view::error_view;
use super::faq_view::FaqView;
use crate::faq::Faq;
use crate::hooks::{use_faq, use_stylesheet, FaqLoad};
use crate::host::Host;
use crate::i18n::Strings;
use crate::load::LoadState;

/// The props of [`FaqWidget`]: the same options as the script tag's `data-` attributes.
#[derive(Properties, PartialEq, Clone)]
pub struct FaqWidgetProps {
    /// URL of the faq.json to show (relative to the page, or absolute with CORS).
    ///
    /// ```ignore
    /// html! { <FaqWidget src="/faq.json" /> }
    /// ```
    pub src: AttrValue,
    /// Show the FAQ's cookie notice (when faq.json has one). `false` is for sites with their own
    /// consent manager: the widget then shows no notice and stores nothing (`data-cookie-notice="off"`).
    #[prop_or(true)]
    pub cookie_notice: bool,
    /// Keep the FAQ for offline use without asking: the site owner declares that copy essential
    /// (`data-offline="always"`). By default it is kept only after the visitor accepts.
    #[prop_or_default]
    pub offline_always: bool,
    /// How long the FAQ request may take, in milliseconds, before the widget shows its saved copy
    /// or says so with "Try again" (`data-timeout`); 0: no limit. A late answer still shows.
    #[prop_or(crate::host::DEFAULT_TIMEOUT_MS)]
    pub timeout_ms: u32,
    /// Whether the widget writes the page URL (the open question as its fragment, the search in
    /// `faq-q`); `false` for an app whose router owns the URL (`data-url-state="off"`). The
    /// widget still reads it, so a deep link the app passes in opens its question.
    #[prop_or(true)]
    pub url_state: bool,
    /// The page's language (a BCP 47 tag such as `fr`), for the texts shown before the FAQ and
    /// its own language are known; empty: `<html lang>`, else English.
    #[prop_or_default]
    pub lang: AttrValue,
    /// "Was this helpful?" with Yes / No under each open answer (`data-feedback="off"`: `false`).
    #[prop_or(true)]
    pub feedback: bool,
    /// Where to send the visitors' feedback and missed searches as beacons (an absolute
    /// `http(s)` URL, e.g. a `faq-widget collect`), only after the visitor accepted the cookie
    /// notice; empty: nowhere (`data-report`). Needs the crate's `report` feature, which brings
    /// the sender (`crate::report`) into the app's wasm.
    #[cfg(feature = "report")]
    #[prop_or_default]
    pub report: AttrValue,
    /// A FAQ to show as it is, instead of fetching `src` (a live preview of a draft, or a FAQ
    /// the app already has). `src` still names it: the key of its offline copy, if any.
    #[prop_or_default]
    pub faq: Option<Rc<Faq>>,
    /// Give the widget its styles: the crate's stylesheet, adopted once by the document (or the
    /// shadow root) that holds the widget, which a strict `style-src` allows. `false` when the
    /// app ships `faq_widget::STYLESHEET` (styles/widget.css) itself. (Not in the `embed` build:
    /// embed.js links the stylesheet into the shadow root.)
    #[cfg(not(feature = "embed"))]
    #[prop_or(true)]
    pub stylesheet: bool,
    /// The embedding page as embed.js sees it (its `<faq-widget>` element and service worker);
    /// a Yew app leaves it unset and the widget's own root element receives the events.
    #[doc(hidden)]
    #[prop_or_default]
    pub host: Option<Host>,
}

/// The whole FAQ widget as a Yew component: fetches `src`, then shows the accessible accordion
/// with search, the cookie notice, the offline copy and the deep links. Several can share a page.
///
/// The widget brings its styles (the `stylesheet` prop); its events
/// (`faq-widget:ready`, `faq-widget:open`, `faq-widget:search`, `faq-widget:consent`,
/// `faq-widget:feedback`) bubble
/// from its root element.
///
/// ```ignore
/// use faq_widget::FaqWidget;
/// use yew::prelude::*;
///
/// #[component]
/// fn Help() -> Html {
///     html! {
///         <main>
///             <h1>{ "Help" }</h1>
///             <FaqWidget src="/faq.json" />
///             <FaqWidget src="/billing-faq.json" cookie_notice={false} lang="fr" />
///             // With the crate's `report` feature:
///             <FaqWidget src="/shipping-faq.json" report="https://www.example.org/faq-feedback" />
///         </main>
///     }
/// }
/// ```
#[component]
pub fn FaqWidget(props: &FaqWidgetProps) -> Html {
    // In a Yew app several widgets share the document: each gets its own id prefix.
    let ids = use_state(next_ids);
    // embed.js passes the whole host (its options included); a Yew app passes the options.
    #[cfg(feature = "report")]
    let report = (props.report.clone(), props.src.clone());
    #[cfg(not(feature = "report"))]
    let report = ();
    let host = use_memo(
        (
            props.host.clone(),
            props.cookie_notice,
            props.offline_always,
            props.timeout_ms,
            props.url_state,
            props.feedback,
            report,
        ),
        |(host, cookie_notice, offline_always, timeout_ms, url_state, feedback, report)| {
            let mut host = host.clone().unwrap_or_else(|| {
                #[cfg(feature = "report")]
                let reports = crate::report::sender(&report.0, &report.1);
                #[cfg(not(feature = "report"))]
                let reports = {
                    let () = report;
                    None
                };
                let mut host = Host::options(*cookie_notice, *offline_always)
                    .with_feedback(*feedback, reports);
                host.ids = (*ids).clone();
                host
            });
            host.timeout_ms = *timeout_ms;
            host.url_state = *url_state;
            host
        },
    );
    // Under embed.js the shadow root links its own integrity-checked copy.
    #[cfg(not(feature = "embed"))]
    let stylesheet = props.stylesheet && props.host.is_none();
    #[cfg(feature = "embed")]
    let stylesheet = false;
    use_stylesheet(host.root.clone(), stylesheet);
    // A FAQ given as it is: in a Yew app, with its language's pack (compiled in) after its `ui`.
    #[cfg(not(feature = "embed"))]
    let given = (*use_memo(props.faq.clone(), |faq| {
        faq.as_deref()
            .map(|faq| Rc::new(crate::language_pack::with_compiled_in(faq)))
    }))
    .clone();
    #[cfg(feature = "embed")]
    let given = props.faq.clone();
    let FaqLoad {
        state,
        fetched,
        retry,
    } = use_faq(props.src.clone(), &host, props.faq.is_none());
    // Before the FAQ (and its language) is known: the page's language (the `lang` prop, else
    // `<html lang>`) if the widget has its texts at hand, else English, labelled as what it is.
    // One memo: each costs wasm bytes.
    let strings = use_memo(props.lang.clone(), |lang| {
        let page_lang = if lang.is_empty() {
            crate::browser::dom::page_lang().unwrap_or_default()
        } else {
            lang.to_string()
        };
        let lang = page_lang.trim();
        let texts = host.pack_now(lang);
        let english = crate::i18n::pack_for(lang).is_none() && Strings::built_in(lang);
        Strings::new(
            if english || !texts.is_empty() {
                lang
            } else {
                "en"
            },
            texts,
        )
    });
    let lang = strings.lang().to_owned();
    let dir = strings.direction();
    let state = match given {
        Some(faq) => LoadState::Ready(faq),
        None => state,
    };
    let view = match state {
        LoadState::Loading => html! {
            <div class="faq" {lang} {dir} aria-busy="true">
                <p class="faq-loading" role="status">{ strings.get("loading") }</p>
            </div>
        },
        LoadState::Failed(error) => html! {
            <div class="faq" {lang} {dir}>{ error_view(&error, &retry, &strings) }</div>
        },
        LoadState::Ready(faq) => {
            // Updates keep the view (and what the visitor opened); a changed cookie notice does
            // not: consent is read once per view (`hooks::use_consent`).
            let key = faq
                .cookie_notice
                .as_ref()
                .map_or(0, |notice| notice.revision.saturating_add(1));
            html! { <FaqView {key} {faq} src={props.src.clone()} {fetched} host={(*host).clone()} /> }
        }
    };
    html! {
        <div class="faq-widget" data-faq-widget="" ref={host.root.clone()}>{ view }</div>
    }
}

/// `faq1-`, `faq2-`, ...: a prefix no other widget on the page has.
fn next_ids() -> AttrValue {
    thread_local! {
        static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let n = COUNT.with(|count| {
        count.set(count.get().wrapping_add(1));
        count.get()
    });
    AttrValue::from(["faq", &n.to_string(), "-"].concat())
}
