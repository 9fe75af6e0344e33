//! The components rendered natively with Yew SSR: the accessible structure a screen reader gets.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use faq_widget::components::{FaqView, FaqViewProps};
use faq_widget::faq::{load, Faq};
use faq_widget::host::Host;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// The FAQ as the widget shows it, with the language pack of its language.
fn render(faq: Faq) -> String {
    let renderer = LocalServerRenderer::<FaqView>::with_props(yew::props!(FaqViewProps {
        faq: Rc::new(faq_widget::language_pack::with_compiled_in(&faq)),
    }))
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

fn bundled() -> Faq {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.json")).unwrap();
    let loaded = load(&text);
    assert!(
        loaded.diagnostics.is_empty(),
        "bundled faq.json has problems: {:?}",
        loaded.diagnostics
    );
    loaded.faq.unwrap()
}

#[test]
fn bundled_faq_has_the_seed_content() {
    let faq = bundled();
    assert_eq!(
        faq.questions.len(),
        13,
        "14 on the page, with the two 'How do I join' merged"
    );
    let joins = faq
        .questions
        .iter()
        .filter(|q| q.question == "How do I join INTERPOL?")
        .count();
    assert_eq!(joins, 1);
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/faq-page.txt"
    ));
    if let Ok(seed) = seed {
        for question in &faq.questions {
            assert!(
                seed.contains(&question.question),
                "not on the seed page: {}",
                question.question
            );
        }
    }
    assert!(faq.cookie_notice.is_some());
    assert!(faq.contact.is_some());
}

#[test]
fn every_question_is_a_button_in_a_heading_controlling_a_hidden_until_found_panel() {
    let faq = bundled();
    let html = render(faq.clone());
    for question in &faq.questions {
        let button = format!(
            "<h3 class=\"faq-question\"><button type=\"button\" id=\"q-{id}\" part=\"question\" aria-expanded=\"false\" aria-controls=\"a-{id}\" class=\"faq-question-button\">",
            id = question.id
        );
        assert!(html.contains(&button), "missing button for {}", question.id);
        assert!(html.contains(&format!("id=\"a-{}\"", question.id)));
    }
    assert_eq!(
        html.matches("hidden=\"until-found\"").count(),
        faq.questions.len()
    );
    assert!(html.contains("aria-labelledby=\"faq-title\""));
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("role=\"status\""));
    assert!(html.contains(">Show all answers</button>"));
    // The ::part() names hosts theme with (docs/embedding.md, "Theming and isolation").
    for part in ["title", "show-all", "question", "answer"] {
        assert!(html.contains(&format!("part=\"{part}\"")), "no part {part}");
    }
}

#[test]
fn hostile_content_is_text_and_bad_links_are_not_links() {
    let loaded = load(
        r#"{"title": "<img src=x onerror=alert(1)>", "questions": [
            {"question": "<script>alert(1)</script>", "answer": "<b>x</b> [click](javascript:alert(1)) [ok](https://a.org)",
             "links": [{"text": "evil", "href": "data:text/html,<script>alert(1)</script>"}]}]}"#,
    );
    let html = render(loaded.faq.unwrap());
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript:"));
    assert!(!html.contains("href=\"data:"));
    assert!(html.contains("href=\"https://a.org\""));
    assert!(html.contains("<li>evil</li>"));
}

#[derive(Properties, PartialEq)]
struct WidgetProps {
    faq: Rc<Faq>,
    host: Host,
}

/// The tree App renders for a loaded FAQ, with the host's options.
#[function_component(Widget)]
fn widget(props: &WidgetProps) -> Html {
    html! {
        <FaqView faq={props.faq.clone()} host={props.host.clone()} />
    }
}

fn render_widget(faq: Faq, host: Host) -> String {
    let renderer = LocalServerRenderer::<Widget>::with_props(WidgetProps {
        faq: Rc::new(faq),
        host,
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[test]
fn first_visit_shows_a_labelled_cookie_notice_with_equal_buttons() {
    // Natively there is no storage, so there is no stored choice: a first visit.
    let html = render_widget(bundled(), Host::default());
    assert!(html.contains(
        "<section id=\"faq-cookie-notice\" aria-label=\"Cookie notice\" class=\"faq-cookie-notice\">"
    ));
    assert!(html.contains(
        "<button type=\"button\" aria-expanded=\"true\" aria-controls=\"faq-cookie-notice\" class=\"faq-link-button faq-cookie-settings\">Cookie settings</button>"
    ));
    assert!(html.contains("Our site uses cookies to ensure technical functionality"));
    assert!(html.contains("<a href=\"https://www.interpol.int/Legal-notice\">Tell me more</a>"));
    // Same element, same classes: equal weight by construction (the e2e test measures it).
    assert!(html.contains(
        "<div class=\"faq-cookie-choices\"><button type=\"button\" class=\"faq-button\">Accept</button><button type=\"button\" class=\"faq-button\">Reject</button></div>"
    ));
    assert!(!html.contains("Your current choice"));
    // The notice comes right after the title, before the questions: inside the widget, in flow.
    let notice = html.find("faq-cookie-notice").unwrap();
    assert!(html.find("faq-title").unwrap() < notice);
    assert!(notice < html.find("faq-question").unwrap());
}

#[test]
fn no_notice_when_the_host_turns_it_off_or_faq_json_has_none() {
    let mut off = Host::default();
    off.cookie_notice = false;
    for html in [
        render_widget(bundled(), off),
        render_widget(
            Faq {
                cookie_notice: None,
                ..bundled()
            },
            Host::default(),
        ),
    ] {
        assert!(!html.contains("Cookie"));
        assert!(html.contains(">Show all answers</button>"));
    }
}

#[test]
fn the_saved_copy_says_so_with_its_date_and_an_update_is_noted() {
    use faq_widget::load::Fetched;

    let render_fetched = |fetched: Fetched| {
        let renderer = LocalServerRenderer::<FaqView>::with_props(yew::props!(FaqViewProps {
            faq: Rc::new(bundled()),
            fetched,
        }))
        .hydratable(false);
        futures::executor::block_on(renderer.render())
    };
    let offline = render_fetched(Fetched {
        saved_ms: Some(1_750_000_000_000),
        ..Fetched::default()
    });
    // Natively the date is the UTC day; in the browser, Intl's long date in the FAQ's language.
    assert!(
        offline.contains(
            r#"<p part="note" class="faq-note">Offline: showing the copy saved on 2025-06-15</p>"#
        ),
        "{offline}"
    );
    let updated = render_fetched(Fetched {
        updates: 1,
        ..Fetched::default()
    });
    assert!(updated.contains(">This FAQ was updated</p>"), "{updated}");
    // In the FAQ's language (the lead's i18n strings "offline.saved" and "updated").
    let french = LocalServerRenderer::<FaqView>::with_props(yew::props!(FaqViewProps {
        faq: Rc::new(faq_widget::language_pack::with_compiled_in(&example(
            "faq.fr.json"
        ))),
        fetched: Fetched {
            saved_ms: Some(1_750_000_000_000),
            ..Fetched::default()
        },
    }))
    .hydratable(false);
    let french = futures::executor::block_on(french.render());
    assert!(
        french.contains(">Hors ligne : copie enregistrée le 2025-06-15</p>"),
        "{french}"
    );
    let online = render_fetched(Fetched::default());
    assert!(
        !online.contains("faq-note"),
        "no note for a FAQ fresh from the network"
    );
}

fn example(name: &str) -> Faq {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let loaded = load(&std::fs::read_to_string(path).unwrap());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.faq.unwrap()
}

#[test]
fn french_and_arabic_faqs_render_their_own_controls_and_direction() {
    let fr = render(example("faq.fr.json"));
    assert!(fr.contains("lang=\"fr\" dir=\"ltr\""), "{fr}");
    for text in [
        ">Afficher toutes les réponses</button>",
        ">Rechercher dans les questions</label>",
        "placeholder=\"Tapez un mot, par ex. emploi\"",
        ">Copier le lien vers cette question</button>",
        ">Paramètres des cookies</button>",
        "aria-label=\"Avis sur les cookies\"",
        ">Refuser</button>",
    ] {
        assert!(fr.contains(text), "{text} in {fr}");
    }
    for english in [
        "Show all answers",
        "Search the questions",
        "Copy link",
        "Cookie settings",
    ] {
        assert!(!fr.contains(english), "{english} left in French");
    }
    let ar = render(example("faq.ar.json"));
    assert!(ar.contains("lang=\"ar\" dir=\"rtl\""), "{ar}");
    assert!(ar.contains(">عرض كل الإجابات</button>"));
    assert!(ar.contains(">البحث في الأسئلة</label>"));
    // The bundled Spanish and Arabic FAQs have no `ui`: every control from the language pack.
    for (file, texts) in [
        (
            "faq.es.json",
            [
                ">Mostrar todas las respuestas</button>",
                ">Rechazar</button>",
            ],
        ),
        ("faq.ar.json", [">عرض كل الإجابات</button>", ">رفض</button>"]),
    ] {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let faq = load(&std::fs::read_to_string(path).unwrap()).faq.unwrap();
        assert!(faq.ui.is_empty(), "{file} has a ui of its own");
        let html = render(faq);
        for text in texts {
            assert!(html.contains(text), "{text} in {html}");
        }
        assert!(!html.contains("Show all answers"), "English left in {file}");
    }
}

fn render_question(question: faq_widget::faq::Question, open: bool, vote: Option<bool>) -> String {
    use faq_widget::components::question::{QuestionItem, QuestionItemProps};
    let props = yew::props!(QuestionItemProps {
        question: Rc::new(question),
        index: 0,
        open,
        button_ref: NodeRef::default(),
        on_toggle: Callback::noop(),
        on_move: Callback::noop(),
        on_copy_link: Callback::noop(),
        vote,
        on_vote: Some(Callback::noop()),
    });
    let renderer = LocalServerRenderer::<QuestionItem>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[test]
fn an_open_answer_asks_was_this_helpful_with_two_toggle_buttons() {
    let question = bundled().questions[0].clone();
    let id = question.id.clone();
    let html = render_question(question.clone(), true, None);
    let group = format!(
        "<div role=\"group\" aria-labelledby=\"f-{id}\" class=\"faq-feedback\"><span id=\"f-{id}\" class=\"faq-feedback-prompt\">Was this helpful?</span><button type=\"button\" aria-pressed=\"false\" class=\"faq-feedback-button\">Yes</button><button type=\"button\" aria-pressed=\"false\" class=\"faq-feedback-button\">No</button></div>"
    );
    assert!(html.contains(&group), "{html}");
    // Inside the answer panel, before its tools.
    let at = html.find("faq-feedback").unwrap();
    assert!(html.find(&format!("id=\"a-{id}\"")).unwrap() < at);
    assert!(at < html.find("faq-panel-tools").unwrap());
    assert!(!html.contains("Thanks"));

    // After a vote: that button pressed, the other not, and the thanks.
    let html = render_question(question.clone(), true, Some(false));
    assert!(html.contains(
        "<button type=\"button\" aria-pressed=\"false\" class=\"faq-feedback-button\">Yes</button><button type=\"button\" aria-pressed=\"true\" class=\"faq-feedback-button\">No</button><span class=\"faq-feedback-thanks\">Thanks for your feedback.</span>"
    ), "{html}");

    // A closed answer has no buttons: find-in-page does not stop on them.
    let html = render_question(question, false, Some(true));
    assert!(!html.contains("faq-feedback"), "{html}");
}

#[test]
fn feedback_texts_in_french_and_arabic() {
    use faq_widget::components::feedback::{Feedback, FeedbackProps};
    use faq_widget::i18n::Strings;
    let render_feedback = |strings: Strings| {
        let props = yew::props!(FeedbackProps {
            id: "x",
            vote: Some(true),
            on_vote: Callback::noop(),
            strings: Rc::new(strings),
        });
        let renderer = LocalServerRenderer::<Feedback>::with_props(props).hydratable(false);
        futures::executor::block_on(renderer.render())
    };
    let fr = render_feedback(Strings::new(
        "fr",
        faq_widget::language_pack::compiled_in("fr"),
    ));
    for text in [
        ">Cette réponse vous a-t-elle aidé ?</span>",
        "aria-pressed=\"true\" class=\"faq-feedback-button\">Oui</button>",
        ">Non</button>",
        ">Merci pour votre avis.</span>",
    ] {
        assert!(fr.contains(text), "{text} in {fr}");
    }
    let ar = example("faq.ar.json");
    let ar = render_feedback(Strings::new("ar", ar.ui.clone()));
    for text in [
        ">هل كانت هذه الإجابة مفيدة؟</span>",
        ">نعم</button>",
        ">لا</button>",
    ] {
        assert!(ar.contains(text), "{text} in {ar}");
    }
}
