//! The real widget in a real browser (wasm-bindgen-test in headless Chromium): fetch, validate,
//! render, and Yew's targeted updates (keyed lists, memoised props).
#![cfg(target_arch = "wasm32")]

use faq_widget::host::Host;
use faq_widget::{FaqWidget, FaqWidgetProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod browser_support;
use browser_support::{blob_url, sleep};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(src: String) -> web_sys::Element {
    let window = web_sys::window().unwrap();
    // Every test starts without a fragment: an earlier test's opened question would deep-link.
    let location = window.location();
    let bare = [location.pathname().unwrap(), location.search().unwrap()].concat();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&bare))
        .unwrap();
    let document = window.document().unwrap();
    let host = document.create_element("faq-widget").unwrap();
    let root = document.create_element("div").unwrap();
    host.append_child(&root).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<FaqWidget>::with_root_and_props(
        root.clone(),
        FaqWidgetProps {
            src: src.into(),
            cookie_notice: false,
            offline_always: false,
            lang: "".into(),
            timeout_ms: 10_000,
            url_state: true,
            faq: None,
            stylesheet: false,
            feedback: true,
            #[cfg(feature = "report")]
            report: "".into(),
            host: Some(Host::new(host, false, false)),
        },
    )
    .render();
    root
}

/// Yew renders on its scheduler (microtasks), after the event that changed the state: a
/// macrotask later, the render is done.
async fn rendered() {
    sleep(0).await;
}

async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        if let Ok(Some(found)) = root.query_selector(selector) {
            return found;
        }
        sleep(10).await;
    }
    panic!("{selector} never appeared; markup: {}", root.outer_html());
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector).unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn renders_questions_from_fetched_json() {
    let root = mount(blob_url(
        r#"{"title": "T", "lang": "fr", "questions": [{"id": "one", "question": "Un ?", "answer": "Oui."}, {"question": "Deux ?", "answer": "Non."}]}"#,
    ));
    let button = wait_for(&root, "#q-one").await;
    assert_eq!(button.text_content().unwrap(), "Un ?");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        find(&root, "#a-one").get_attribute("hidden").as_deref(),
        Some("until-found")
    );
    assert!(
        root.query_selector("#q-deux").unwrap().is_some(),
        "derived id"
    );
    assert_eq!(
        find(&root, "section").get_attribute("lang").as_deref(),
        Some("fr")
    );
}

#[wasm_bindgen_test]
async fn a_click_updates_only_its_own_question() {
    let root = mount(blob_url(
        r#"{"title": "T", "questions": [{"id": "x", "question": "Q?", "answer": "A."}, {"id": "y", "question": "R?", "answer": "B."}]}"#,
    ));
    let button: web_sys::HtmlElement = wait_for(&root, "#q-x").await.unchecked_into();
    let other_item = find(&root, "#q-y").closest(".faq-item").unwrap().unwrap();
    let panel = find(&root, "#a-x");
    let text = panel.first_child().unwrap();
    button.focus().unwrap();
    button.click();
    rendered().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(panel.get_attribute("hidden"), None);
    // The same nodes, updated in place: focus stays, the other question is untouched.
    assert!(find(&root, "#q-x").is_same_node(Some(&button)));
    assert!(find(&root, "#a-x").is_same_node(Some(&panel)));
    assert!(panel.first_child().unwrap().is_same_node(Some(&text)));
    let y_item = find(&root, "#q-y").closest(".faq-item").unwrap().unwrap();
    assert!(y_item.is_same_node(Some(&other_item)));
    let document = web_sys::window().unwrap().document().unwrap();
    assert!(document
        .active_element()
        .is_some_and(|e| e.is_same_node(Some(&button))));
    button.click();
    rendered().await;
    assert_eq!(
        panel.get_attribute("hidden").as_deref(),
        Some("until-found")
    );
    // Every question open: "Show all answers" became "Hide all answers".
    find(&root, "#q-x")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    rendered().await;
    find(&root, "#q-y")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    rendered().await;
    let show_all = find(&root, ".faq-show-all");
    assert_eq!(show_all.text_content().unwrap(), "Hide all answers");
    assert_eq!(
        show_all.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn typing_a_query_rebuilds_the_results_and_keeps_the_field() {
    // Ids no other test uses: the tests run at once in one document, and another test's
    // opened question goes into the shared URL's fragment, which (rightly) clears this widget's
    // search to reveal a question of that id.
    let root = mount(blob_url(
        r#"{"title": "T", "questions": [{"id": "parcels", "question": "Parcels?", "answer": "A."}, {"id": "letters", "question": "Letters?", "answer": "B."}]}"#,
    ));
    let input: web_sys::HtmlInputElement =
        wait_for(&root, "#faq-search-input").await.unchecked_into();
    input.set_value("letters");
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
    for _ in 0..200 {
        if root.query_selector("#q-parcels").unwrap().is_none() {
            break;
        }
        sleep(10).await;
    }
    assert!(root.query_selector("#q-parcels").unwrap().is_none());
    // The matched question's mark may come in a render after the one that removed the other
    // question (its item re-renders on its own); the markup is printed if it never comes.
    let mark = wait_for(&root, "#q-letters mark").await;
    assert_eq!(mark.text_content().unwrap(), "Letters");
    assert!(find(&root, "#faq-search-input").is_same_node(Some(&input)));
}

#[wasm_bindgen_test]
async fn invalid_faq_shows_an_alert_not_a_panic() {
    let root = mount(blob_url(
        r#"{"title": "T", "questions": [{"question": "Q?"}]}"#,
    ));
    let alert = wait_for(&root, "[role=alert]").await;
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("Question 1: \"answer\" is missing."),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn unreachable_url_shows_a_network_alert() {
    let root = mount("http://127.0.0.1:9/nothing-listens-here.json".into());
    let alert = wait_for(&root, "[role=alert]").await;
    // Never loaded here, so no saved copy: the offline message (issue 6), with "Try again".
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("You are offline and this FAQ has not been saved on this device yet."),
        "{text}"
    );
    assert!(text.ends_with("Try again"), "{text}");
}

/// The storage glue against the real localStorage: namespaced keys, the consent record, and the
/// clean-up on reject that spares the record and the host's own keys.
#[wasm_bindgen_test]
fn storage_is_namespaced_and_reject_cleans_only_the_widget_data() {
    use faq_widget::browser::storage;
    use faq_widget::consent::{Choice, ConsentState, Record};

    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    let now = storage::now_ms();
    assert!(now > 1_600_000_000_000, "an integer clock: {now}");
    let accepted = Record {
        choice: Choice::Accepted,
        revision: 1,
        time_ms: now,
    };
    assert!(storage::save_record(&accepted));
    assert_eq!(storage::load_record(), Some(accepted));
    assert_eq!(
        local.get_item("faq-widget:consent").unwrap().as_deref(),
        Some(accepted.serialise().as_str())
    );

    let permit = ConsentState::new(Some(1), Some(accepted), now)
        .permit()
        .expect("an acceptance grants a permit");
    assert!(storage::set(&permit, "open", "1,2"));
    assert_eq!(storage::get("open").as_deref(), Some("1,2"));
    assert_eq!(
        local.get_item("faq-widget:open").unwrap().as_deref(),
        Some("1,2")
    );
    storage::remove("open");
    assert_eq!(storage::get("open"), None);

    assert!(storage::set(&permit, "a", "1"));
    assert!(storage::set(&permit, "b", "2"));
    local.set_item("host-key", "mine").unwrap();
    local.set_item("faq-widget", "not ours: no colon").unwrap();
    assert!(storage::set(
        &permit,
        "offline:https://a.example/faq.json",
        "v1|1|{}"
    ));
    // data-offline="always": the owner's essential offline copies survive a reject.
    storage::clear_widget_data(true);
    assert_eq!(storage::get("a"), None);
    assert!(storage::get("offline:https://a.example/faq.json").is_some());
    storage::clear_widget_data(false);
    assert_eq!(storage::get("offline:https://a.example/faq.json"), None);
    assert_eq!(storage::get("a"), None);
    assert_eq!(storage::get("b"), None);
    assert_eq!(storage::load_record(), Some(accepted));
    assert_eq!(local.get_item("host-key").unwrap().as_deref(), Some("mine"));
    assert!(local.get_item("faq-widget").unwrap().is_some());

    local.set_item("faq-widget:consent", "garbage").unwrap();
    assert_eq!(storage::load_record(), None);
    local.clear().unwrap();
}

/// Dates come from the browser's Intl in the FAQ's language; a language tag Intl rejects (it
/// throws a RangeError) falls back to the browser's default instead of throwing through wasm.
#[wasm_bindgen_test]
fn long_dates_are_formatted_by_intl_and_bad_tags_do_not_throw() {
    use faq_widget::browser::date::long_date;

    // Noon UTC on 15 June 2025: that day from UTC-11 to UTC+11.
    let ms = 1_749_988_800_000;
    assert_eq!(long_date(ms, "en"), "June 15, 2025");
    assert_eq!(long_date(ms, "fr"), "15 juin 2025");
    let fallback = long_date(ms, "not a language tag!");
    assert!(fallback.contains("2025"), "{fallback}");
}

/// What a change re-renders, counted by the components themselves (feature `render-probe`).
#[cfg(feature = "render-probe")]
#[wasm_bindgen_test]
async fn opening_a_question_re_renders_that_question_only() {
    use faq_widget::components::probe;

    let root = mount(blob_url(
        r#"{"title": "T", "questions": [{"id": "x", "question": "Parcels?", "answer": "A."}, {"id": "y", "question": "Letters?", "answer": "B."}, {"id": "z", "question": "Stamps?", "answer": "C."}]}"#,
    ));
    let button: web_sys::HtmlElement = wait_for(&root, "#q-y").await.unchecked_into();
    sleep(50).await;
    probe::take();
    button.click();
    rendered().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let renders: Vec<_> = probe::take()
        .into_iter()
        .filter(|(name, _, _)| *name == "question")
        .map(|(_, key, count)| (key, count))
        .collect();
    assert_eq!(renders, vec![("y".to_owned(), 1)]);
}

/// A Yew app's widgets (no embed.js host) bring their own styles: one constructed stylesheet,
/// adopted once by the document however many widgets it holds (no `<style>` element, which a
/// strict `style-src` refuses).
#[wasm_bindgen_test]
async fn yew_app_widgets_adopt_one_stylesheet() {
    let document = web_sys::window().unwrap().document().unwrap();
    let adopted = || {
        js_sys::Array::from(
            &js_sys::Reflect::get(&document, &JsValue::from_str("adoptedStyleSheets")).unwrap(),
        )
    };
    let before = adopted().length();
    let src = blob_url(r#"{"title": "T", "questions": [{"question": "Q?", "answer": "A."}]}"#);
    let mut roots = Vec::new();
    for stylesheet in [true, true, false] {
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<FaqWidget>::with_root_and_props(
            root.clone(),
            FaqWidgetProps {
                src: src.clone().into(),
                cookie_notice: false,
                offline_always: false,
                lang: "".into(),
                timeout_ms: 10_000,
                url_state: true,
                faq: None,
                stylesheet,
                feedback: true,
                #[cfg(feature = "report")]
                report: "".into(),
                host: None,
            },
        )
        .render();
        roots.push(root);
    }
    for root in &roots {
        wait_for(root, "button[aria-expanded]").await;
    }
    let sheets = adopted();
    assert_eq!(sheets.length(), before + 1, "one sheet for every widget");
    let sheet: web_sys::CssStyleSheet = sheets.get(sheets.length() - 1).unchecked_into();
    let rules = sheet.css_rules().unwrap();
    let text: String = (0..rules.length())
        .filter_map(|i| rules.item(i))
        .map(|rule| rule.css_text())
        .collect();
    assert!(text.contains(".faq-root"), "the widget's own rules");
    assert_eq!(
        document.query_selector_all("style").unwrap().length(),
        0,
        "no <style> element"
    );
}
