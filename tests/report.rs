//! The `report` feature in a real browser: a Yew app's `FaqWidget` with a `report` address sends
//! nothing before "Accept", then its votes and missed searches as one beacon when the page is
//! hidden, redacted; nothing after "Reject". `navigator.sendBeacon` is replaced by a recorder
//! (the browser's own is exercised end to end by tests/e2e/feedback.spec.mjs).
//! `cargo test --target wasm32-unknown-unknown --features render-probe,report`
#![cfg(all(target_arch = "wasm32", feature = "report"))]

use faq_widget::{FaqWidget, FaqWidgetProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod browser_support;
use browser_support::{blob_url, sleep};

wasm_bindgen_test_configure!(run_in_browser);

const REPORT: &str = "https://collector.example/beacon";

/// Replaces `navigator.sendBeacon` with a recorder; returns the array it fills with
/// `[url, body]` pairs.
fn record_beacons() -> js_sys::Array {
    let sent = js_sys::Array::new();
    let record = js_sys::Function::new_with_args(
        "sent",
        "navigator.sendBeacon = (url, body) => { sent.push([url, body]); return true; };",
    );
    record.call1(&JsValue::NULL, &sent).unwrap();
    sent
}

/// The button whose text is `text` (waits up to 5 s for it).
async fn button(root: &web_sys::Element, text: &str) -> web_sys::HtmlElement {
    for _ in 0..100 {
        let buttons = root.query_selector_all("button").unwrap();
        for index in 0..buttons.length() {
            let element = buttons.item(index).unwrap();
            if element.text_content().unwrap_or_default().trim() == text {
                return element.unchecked_into();
            }
        }
        sleep(50).await;
    }
    panic!("no button {text:?} in {}", root.inner_html());
}

fn hide_page() {
    let window = web_sys::window().unwrap();
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_yew_apps_widget_reports_only_what_the_visitor_allowed() {
    let window = web_sys::window().unwrap();
    let local = window.local_storage().unwrap().unwrap();
    local.remove_item("faq-widget:consent").unwrap();
    let sent = record_beacons();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let src = blob_url(
        r#"{"title": "T", "cookie_notice": {"text": "Cookies.", "revision": 3},
            "questions": [{"id": "one", "question": "One?", "answer": "Yes."}]}"#,
    );
    yew::Renderer::<FaqWidget>::with_root_and_props(
        root.clone(),
        FaqWidgetProps {
            src: src.clone().into(),
            cookie_notice: true,
            offline_always: false,
            lang: "".into(),
            timeout_ms: 10_000,
            url_state: true,
            faq: None,
            stylesheet: true,
            feedback: true,
            report: REPORT.into(),
            host: None,
        },
    )
    .render();

    // Before any consent: a vote and the page hidden; nothing leaves.
    button(&root, "One?").await.click();
    button(&root, "Yes").await.click();
    sleep(50).await;
    hide_page();
    assert_eq!(sent.length(), 0, "nothing before Accept");

    // Accept: a changed vote and a missed search, sent when the page is hidden.
    button(&root, "Accept").await.click();
    sleep(50).await;
    button(&root, "No").await.click();
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let search = |query: &str| {
        input.set_value(query);
        input
            .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
            .unwrap();
    };
    search("Order 4411 for jo@example.org");
    // The search settles (and reports the miss) after a short pause.
    sleep(1_500).await;
    hide_page();
    assert_eq!(sent.length(), 1, "one beacon");
    let beacon: js_sys::Array = sent.get(0).unchecked_into();
    assert_eq!(beacon.get(0).as_string().as_deref(), Some(REPORT));
    let body = beacon.get(1).as_string().unwrap();
    let batch: faq_widget::feedback::Batch = serde_json::from_str(&body).unwrap();
    assert_eq!(batch.faq, faq_widget::feedback::faq_key(&src));
    let kinds: Vec<String> = batch
        .events
        .iter()
        .map(|event| match event {
            faq_widget::feedback::Event::Vote {
                question, helpful, ..
            } => format!("vote {question} {helpful}"),
            faq_widget::feedback::Event::Missed { query, .. } => format!("missed {query}"),
        })
        .collect();
    assert_eq!(
        kinds,
        ["vote one false", "missed order [number] for [email]"]
    );

    // Reject: nothing more, whatever the visitor does.
    button(&root, "Cookie settings").await.click();
    button(&root, "Reject").await.click();
    sleep(50).await;
    search("");
    button(&root, "Yes").await.click();
    search("zyxwv after reject");
    sleep(1_500).await;
    hide_page();
    assert_eq!(sent.length(), 1, "nothing after Reject");
    local.remove_item("faq-widget:consent").unwrap();
}
