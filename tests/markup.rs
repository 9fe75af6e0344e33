//! The views rendered natively to HTML (`view::to_html`): the accessible structure a screen
//! reader gets, for the states the widget shows.
#![cfg(not(target_arch = "wasm32"))]

use faq_widget::consent::Choice;
use faq_widget::faq::{load, Faq};
use faq_widget::i18n::Strings;
use faq_widget::search::SearchIndex;
use faq_widget::search_state::{page, PAGE};
use faq_widget::state::ViewState;
use faq_widget::view::app::{faq_view, CookieProps, FaqViewProps};
use faq_widget::view::to_html;

/// What the widget shows for `faq` at first: nothing open, no search; `cookies` as the notice
/// stands (`None`: no notice), `saved_date`/`updated` the offline note's inputs.
struct Shown {
    query: String,
    cookies: Option<CookieProps>,
    saved_date: Option<String>,
    updated: bool,
    state: Option<ViewState>,
}

impl Default for Shown {
    fn default() -> Self {
        Shown {
            query: String::new(),
            // Natively there is no storage, so there is no stored choice: a first visit.
            cookies: Some(CookieProps {
                open: true,
                choice: None,
            }),
            saved_date: None,
            updated: false,
            state: None,
        }
    }
}

fn render_with(faq: &Faq, shown: Shown) -> String {
    let strings = Strings::new(faq.lang.as_deref().unwrap_or("en"), faq.ui.clone());
    let index = SearchIndex::new(&faq.questions, faq.lang.as_deref());
    let outcome = index.search(&shown.query);
    let (list, more) = page(&outcome, PAGE);
    let state = shown
        .state
        .unwrap_or_else(|| ViewState::new(faq.questions.len(), None));
    let highlighter = Some(&outcome.highlighter).filter(|h| !h.is_empty());
    to_html(&faq_view(&FaqViewProps {
        faq,
        strings: &strings,
        saved_date: shown.saved_date.as_deref(),
        updated: shown.updated,
        cookies: shown.cookies.filter(|_| faq.cookie_notice.is_some()),
        query: &shown.query,
        status: "",
        no_results: (outcome.active && outcome.hits.is_empty()).then_some(outcome.closest.len()),
        open: &state.open,
        shown: &list,
        more,
        highlighter,
        announcement: &state.announcement.text,
    }))
}

fn render(faq: Faq) -> String {
    render_with(&faq, Shown::default())
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
    for (index, question) in faq.questions.iter().enumerate() {
        let button = format!(
            "<h3 class=\"faq-question\"><button type=\"button\" id=\"q-{id}\" class=\"faq-question-button\" part=\"question\" aria-expanded=\"false\" aria-controls=\"a-{id}\" data-act=\"t{index}\">",
            id = question.id
        );
        assert!(html.contains(&button), "missing button for {}", question.id);
        assert!(html.contains(&format!(
            "<div id=\"a-{}\" class=\"faq-panel\" part=\"answer\" data-index=\"{index}\" hidden=\"until-found\">",
            question.id
        )));
    }
    assert_eq!(
        html.matches("hidden=\"until-found\"").count(),
        faq.questions.len()
    );
    assert!(html.contains("aria-labelledby=\"faq-title\""));
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("role=\"status\""));
    assert!(html.contains(">Show all answers</button>"));
    // The ::part() names hosts theme with (README, "Theming").
    for part in ["title", "show-all", "question", "answer"] {
        assert!(html.contains(&format!("part=\"{part}\"")), "no part {part}");
    }
}

#[test]
fn an_open_question_shows_its_panel_and_show_all_turns_into_hide_all() {
    let faq = bundled();
    let all = ViewState::new(faq.questions.len(), None).apply(faq_widget::state::Action::ShowAll);
    let html = render_with(
        &faq,
        Shown {
            state: Some(all),
            ..Shown::default()
        },
    );
    assert_eq!(html.matches("hidden=\"until-found\"").count(), 0);
    assert_eq!(
        html.matches("aria-expanded=\"true\"").count(),
        faq.questions.len() + 2
    );
    assert!(html.contains("aria-expanded=\"true\" data-act=\"h\">Hide all answers</button>"));
    assert!(html.contains("class=\"faq-item faq-item-open\""));
}

#[test]
fn a_search_marks_its_matches_and_a_closed_answer_that_matched_shows_a_snippet() {
    let faq = bundled();
    let html = render_with(
        &faq,
        Shown {
            query: "lyon".into(),
            ..Shown::default()
        },
    );
    assert!(html.contains("<p class=\"faq-snippet\">"), "{html}");
    assert!(html.contains("<mark>Lyon</mark>"), "{html}");
    assert!(html.contains("value=\"lyon\""));
    assert!(!html.contains("faq-no-results"));
    let none = render_with(
        &faq,
        Shown {
            query: "xylophone".into(),
            ..Shown::default()
        },
    );
    assert!(
        none.contains("<p class=\"faq-no-results-title\">No questions match “xylophone”.</p>"),
        "{none}"
    );
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

#[test]
fn first_visit_shows_a_labelled_cookie_notice_with_equal_buttons() {
    let html = render(bundled());
    assert!(html.contains(
        "<section id=\"faq-cookie-notice\" class=\"faq-cookie-notice\" aria-label=\"Cookie notice\">"
    ));
    assert!(html.contains(
        "<button type=\"button\" class=\"faq-link-button faq-cookie-settings\" aria-expanded=\"true\" aria-controls=\"faq-cookie-notice\" data-act=\"s\">Cookie settings</button>"
    ));
    assert!(html.contains("Our site uses cookies to ensure technical functionality"));
    assert!(html.contains("<a href=\"https://www.interpol.int/Legal-notice\">Tell me more</a>"));
    // Same element, same classes: equal weight by construction (the e2e test measures it).
    assert!(html.contains(
        "<div class=\"faq-cookie-choices\"><button type=\"button\" class=\"faq-button\" data-act=\"y\">Accept</button><button type=\"button\" class=\"faq-button\" data-act=\"n\">Reject</button></div>"
    ));
    assert!(!html.contains("Your current choice"));
    // The notice comes right after the title, before the questions: inside the widget, in flow.
    let notice = html.find("faq-cookie-notice").unwrap();
    assert!(html.find("faq-title").unwrap() < notice);
    assert!(notice < html.find("faq-question").unwrap());
}

#[test]
fn a_stored_choice_closes_the_notice_and_says_what_it_was() {
    let html = render_with(
        &bundled(),
        Shown {
            cookies: Some(CookieProps {
                open: false,
                choice: Some(Choice::Rejected),
            }),
            ..Shown::default()
        },
    );
    assert!(
        html.contains("aria-label=\"Cookie notice\" hidden=\"\">"),
        "{html}"
    );
    assert!(html.contains("aria-expanded=\"false\" aria-controls=\"faq-cookie-notice\""));
    assert!(
        html.contains("<p class=\"faq-cookie-current\">Your current choice: rejected.</p>"),
        "{html}"
    );
}

#[test]
fn no_notice_when_the_host_turns_it_off_or_faq_json_has_none() {
    for html in [
        render_with(
            &bundled(),
            Shown {
                cookies: None,
                ..Shown::default()
            },
        ),
        render(Faq {
            cookie_notice: None,
            ..bundled()
        }),
    ] {
        assert!(!html.contains("Cookie"));
        assert!(html.contains(">Show all answers</button>"));
    }
}

#[test]
fn the_saved_copy_says_so_with_its_date_and_an_update_is_noted() {
    // In the browser the date is Intl's long date in the FAQ's language (browser::date).
    let offline = render_with(
        &bundled(),
        Shown {
            saved_date: Some("June 15, 2025".into()),
            ..Shown::default()
        },
    );
    assert!(
        offline.contains(
            r#"<p class="faq-note" part="note">Offline: showing the copy saved on June 15, 2025</p>"#
        ),
        "{offline}"
    );
    let updated = render_with(
        &bundled(),
        Shown {
            updated: true,
            ..Shown::default()
        },
    );
    assert!(updated.contains(">This FAQ was updated</p>"), "{updated}");
    // In the FAQ's language (the i18n strings "offline.saved" and "updated").
    let french = render_with(
        &example("faq.fr.json"),
        Shown {
            saved_date: Some("15 juin 2025".into()),
            ..Shown::default()
        },
    );
    assert!(
        french.contains(">Hors ligne : copie enregistrée le 15 juin 2025</p>"),
        "{french}"
    );
    let online = render(bundled());
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
}
