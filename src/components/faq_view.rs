use std::rc::Rc;

use yew::prelude::*;

use super::accordion::Accordion;
use super::cookie_notice::{cookie_notice, CookieNoticeViewProps};
use super::no_results::no_results;
use super::offline_note::offline_note;
use super::rich_text::render_blocks;
use super::search_box::{search_box, slash_listener, SearchBoxProps};
use crate::browser::{dom, url};
use crate::faq::{Faq, Question};
use crate::hooks::{
    take_over, use_consent, use_feedback, use_offline, use_search, Consent, Prerendered,
};
use crate::host::{Detail, Host};
use crate::i18n::Strings;
use crate::load::Fetched;
use crate::search_state::SearchAction;
use crate::state::{Action, ViewState};

#[derive(Properties, PartialEq)]
pub struct FaqViewProps {
    pub faq: Rc<Faq>,
    /// The FAQ's URL: the key of its saved copy.
    #[prop_or_default]
    pub src: AttrValue,
    /// Where the FAQ on screen came from (offline copy, updates).
    #[prop_or_default]
    pub fetched: Fetched,
    /// The embedding page: its options, events and the widget's id prefix.
    #[prop_or_default]
    pub host: Host,
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

fn index_of(questions: &[Rc<Question>], id: &str) -> Option<usize> {
    questions.iter().position(|q| q.id == id)
}

/// A loaded FAQ: title, intro, the accordion, the contact note and a live region.
#[component(FaqView)]
pub fn faq_view(props: &FaqViewProps) -> Html {
    let faq = &props.faq;
    let questions = use_memo(faq.clone(), |faq| {
        faq.questions
            .iter()
            .cloned()
            .map(Rc::new)
            .collect::<Vec<_>>()
    });
    // One NodeRef each: `vec![NodeRef::default(); n]` would clone one shared handle n times.
    let button_refs = use_memo(questions.len(), |count| {
        (0..*count).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });
    let host = &props.host;
    // A pre-rendered copy the visitor may already have used (`hooks::take_over`).
    let copy = use_memo((), |()| Prerendered::read(host));
    let state = {
        let questions = questions.clone();
        let copy = copy.clone();
        use_reducer_eq(move || {
            let deep_link = url::fragment().and_then(|id| index_of(&questions, &id));
            let opened = copy
                .open_ids
                .iter()
                .filter_map(|id| index_of(&questions, id));
            ViewState::new(questions.len(), deep_link).with_open(opened)
        })
    };
    let accordion_ref = use_node_ref();
    let search_input = use_node_ref();
    let consent = use_consent(
        host,
        faq.cookie_notice.as_ref().map(|notice| notice.revision),
    );
    let strings = use_memo(faq.clone(), |faq| {
        Strings::new(faq.lang.as_deref().unwrap_or("en"), faq.ui.clone())
    });
    let feedback = use_feedback(host, &consent, state.dispatcher(), &strings);
    let search = use_search(host, faq, &strings, &copy.query, &feedback.on_missed);
    use_offline(host, &consent, faq, &props.src, &props.fetched);
    use_update(&questions, &state, &strings);

    // The URL names the open question, by replacing the fragment: no history entry per click.
    // Not when the host's router owns the URL (`data-url-state="off"`).
    {
        let questions = questions.clone();
        let url_state = host.url_state;
        use_effect_with(state.linked, move |linked| {
            if !url_state {
                return;
            }
            let current = url::fragment();
            let ours = current
                .as_deref()
                .and_then(|id| index_of(&questions, id))
                .is_some();
            match linked.and_then(|index| questions.get(index)) {
                Some(question) if current.as_deref() != Some(question.id.as_str()) => {
                    url::replace_fragment(Some(&question.id));
                }
                // Only clear a fragment that is ours: the host page may use its own.
                None if ours => url::replace_fragment(None),
                _ => {}
            }
        });
    }
    use_first_show(
        &consent,
        &questions,
        &button_refs,
        [&accordion_ref, &search_input],
        &state,
        search.actions.clone(),
    );
    use_open_events(host, &questions, &state);

    let on_toggle = {
        let dispatcher = state.dispatcher();
        use_callback((), move |index: usize, ()| {
            dispatcher.dispatch(Action::Toggle(index));
        })
    };
    let on_show_all = {
        let dispatcher = state.dispatcher();
        use_callback((), move |show: bool, ()| {
            dispatcher.dispatch(if show {
                Action::ShowAll
            } else {
                Action::HideAll
            });
        })
    };
    let on_copy_link = {
        let dispatcher = state.dispatcher();
        let strings = strings.clone();
        let url_state = host.url_state;
        use_callback(questions.clone(), move |index: usize, questions| {
            let Some(question) = questions.get(index) else {
                return;
            };
            let id = question.id.clone();
            let dispatcher = dispatcher.clone();
            let strings = strings.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match url::link_to(&id) {
                    Some(link) => dom::copy_text(&link).await,
                    None => false,
                };
                if url_state {
                    url::replace_fragment(Some(&id));
                }
                dispatcher.dispatch(Action::Announce(strings.get(if copied {
                    "link_copied"
                } else {
                    "copy_failed"
                })));
            });
        })
    };

    // "Was this helpful?" (unless the host page or faq.json turned it off).
    let on_vote = (host.feedback && faq.feedback).then(|| feedback.on_vote.clone());

    let on_announce = {
        let dispatcher = state.dispatcher();
        use_callback((), move |text: String, ()| {
            dispatcher.dispatch(Action::Announce(text));
        })
    };

    let contact = faq.contact.as_ref().map(|contact| match &contact.href {
        Some(href) => {
            html! { <p class="faq-contact"><a href={href.clone()}>{ contact.text.clone() }</a></p> }
        }
        None => html! { <p class="faq-contact">{ contact.text.clone() }</p> },
    });

    let title_id = host.id("faq-title");
    html! {
        <section class="faq" lang={faq.lang.clone()} dir={strings.direction()} aria-labelledby={title_id.clone()}>
            <h2 id={title_id} class="faq-title" part="title">{ faq.title.clone() }</h2>
            { offline_note(props.fetched.saved_ms, props.fetched.updates > 0, &strings) }
            if let Some(notice) = faq.cookie_notice.clone() {
                { cookie_notice(&CookieNoticeViewProps {
                    notice,
                    consent: consent.clone(),
                    on_announce,
                    strings: strings.clone(),
                    ids: host.ids.clone(),
                    settings_ref: NodeRef::default(),
                }) }
            }
            if !faq.intro.is_empty() {
                <div class="faq-intro">{ render_blocks(&faq.intro) }</div>
            }
            { search_box(&SearchBoxProps {
                value: search.state.query.clone().into(),
                status: search.state.status.clone().into(),
                on_input: search.actions.reform(SearchAction::Query),
                strings: strings.clone(),
                ids: host.ids.clone(),
                input_ref: search_input.clone(),
            }) }
            if search.view.outcome.active && search.view.outcome.hits.is_empty() {
                { no_results(&search.state.query, search.view.outcome.closest.len(), faq.contact.as_ref(), &strings) }
            }
            <div ref={accordion_ref}>
                <Accordion
                    shown={search.view.shown.clone()}
                    more={search.view.more}
                    on_show_more={search.actions.reform(|()| SearchAction::ShowMore)}
                    highlighter={search.view.highlighter.clone()}
                    questions={questions.clone()}
                    open={state.open.clone()}
                    button_refs={button_refs.clone()}
                    {on_toggle}
                    {on_show_all}
                    {on_copy_link}
                    votes={state.votes.clone()}
                    {on_vote}
                    strings={strings.clone()}
                    ids={host.ids.clone()}
                />
            </div>
            { contact }
            <div class="faq-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                { state.announcement.text.clone() }
            </div>
        </section>
    }
}

/// A newer FAQ replaced the one on screen (`hooks::Fetched::updates`): what the visitor opened
/// stays open by question id, and the live region says so, once per update.
#[hook]
fn use_update(
    questions: &Rc<Vec<Rc<Question>>>,
    state: &UseReducerHandle<ViewState>,
    strings: &Strings,
) {
    let shown = use_mut_ref(|| questions.clone());
    // During render, so the next render (before the browser paints) already has the remapped
    // state: an effect would paint one frame with the old positions.
    let from = (!Rc::ptr_eq(&shown.borrow(), questions)).then(|| {
        let old = shown.borrow();
        crate::offline::remap(&old, questions, |q| q.id.as_str())
    });
    if let Some(from) = from {
        *shown.borrow_mut() = questions.clone();
        state.dispatch(Action::Remap(from));
        state.dispatch(Action::Announce(strings.get("updated")));
    }
}

/// Tells the host page `faq-widget:open` each time the visitor opens one question.
#[hook]
fn use_open_events(
    host: &Host,
    questions: &Rc<Vec<Rc<Question>>>,
    state: &UseReducerHandle<ViewState>,
) {
    let host = host.clone();
    let opened_question = state
        .linked
        .and_then(|index| questions.get(index))
        .map(|question| question.id.clone());
    use_effect_with(state.opened, move |opened| {
        if let (true, Some(id)) = (*opened > 0, opened_question) {
            host.emit("faq-widget:open", Detail::new().text("id", &id));
        }
    });
}

/// What happens once, when the FAQ first shows (one effect, not five: each `use_effect_with`
/// costs about 1 KB of wasm, BENCHMARKS.md "Where the bytes go"): the widget takes over a
/// pre-rendered copy ([`take_over`]); consent starts ([`Consent::start`]: the clean-up at start,
/// a stored choice told to the host, other widgets' and tabs' choices listened to); the host
/// page hears `faq-widget:ready`; a deep link's question is scrolled into view (revealed first if the
/// search in the URL or the first page of results hides it); and the events from outside Yew's
/// delegation are listened to until the widget goes: the browser's find-in-page (`beforematch`
/// on a closed answer), fragment changes from in-page links, and "/" to focus the search field
/// (the refs: the accordion, the search field).
#[hook]
fn use_first_show(
    consent: &Consent,
    questions: &Rc<Vec<Rc<Question>>>,
    button_refs: &Rc<Vec<NodeRef>>,
    refs: [&NodeRef; 2],
    state: &UseReducerHandle<ViewState>,
    search: Callback<SearchAction>,
) {
    let host = consent.host().clone();
    let consent = consent.clone();
    let questions = questions.clone();
    let button_refs = button_refs.clone();
    let [accordion_ref, search_input] = refs.map(NodeRef::clone);
    let dispatcher = state.dispatcher();
    let linked = state.linked;
    use_effect_with((), move |()| {
        take_over(&host);
        let mut listeners = consent.start();
        host.emit(
            "faq-widget:ready",
            Detail::new()
                .number("questions", questions.len() as u32)
                .text("version", crate::VERSION),
        );
        let hidden = |index: &usize| button_refs.get(*index).is_some_and(|r| r.get().is_none());
        if let Some(index) = linked.filter(hidden) {
            search.emit(SearchAction::Reveal(index));
        }
        if let Some(node) = linked.and_then(|index| button_refs.get(index)) {
            dom::scroll_to(node);
        }
        listeners.extend(page_listeners(
            questions,
            button_refs,
            accordion_ref,
            dispatcher,
            search,
        ));
        listeners.extend(slash_listener(search_input));
        move || drop(listeners)
    });
}

#[cfg(target_arch = "wasm32")]
type PageListener = gloo_events::EventListener;
#[cfg(not(target_arch = "wasm32"))]
type PageListener = ();

#[cfg(target_arch = "wasm32")]
fn page_listeners(
    questions: Rc<Vec<Rc<Question>>>,
    button_refs: Rc<Vec<NodeRef>>,
    accordion_ref: NodeRef,
    dispatcher: UseReducerDispatcher<ViewState>,
    search: Callback<SearchAction>,
) -> Vec<PageListener> {
    use wasm_bindgen::JsCast;

    let mut listeners = Vec::new();
    if let Some(container) = accordion_ref.cast::<web_sys::Element>() {
        let dispatcher = dispatcher.clone();
        listeners.push(gloo_events::EventListener::new(
            &container,
            "beforematch",
            move |event| {
                let index = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .and_then(|panel| panel.get_attribute("data-index"))
                    .and_then(|index| index.parse::<usize>().ok());
                if let Some(index) = index {
                    dispatcher.dispatch(Action::Open(index));
                }
            },
        ));
    }
    if let Some(window) = web_sys::window() {
        listeners.push(gloo_events::EventListener::new(
            &window,
            "hashchange",
            move |_| {
                let index = url::fragment().and_then(|id| index_of(&questions, &id));
                if let Some(index) = index {
                    dispatcher.dispatch(Action::Open(index));
                    if let Some(node) = button_refs.get(index) {
                        // A search that hides the linked question makes way for it.
                        if node.get().is_none() {
                            search.emit(SearchAction::Reveal(index));
                        }
                        dom::scroll_to(node);
                    }
                }
            },
        ));
    }
    listeners
}

#[cfg(not(target_arch = "wasm32"))]
fn page_listeners(
    _questions: Rc<Vec<Rc<Question>>>,
    _button_refs: Rc<Vec<NodeRef>>,
    _accordion_ref: NodeRef,
    _dispatcher: UseReducerDispatcher<ViewState>,
    _search: Callback<SearchAction>,
) -> Vec<PageListener> {
    Vec::new()
}
