//! Native timing of the studio's per-revision work on a big faq.json (the browser figure is
//! bench/studio.mjs): `node bench/gen-faq.mjs && cargo run --profile bench -p faq-studio --example check_time`.
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/faq-10k.json".into());
    let compact = std::fs::read_to_string(&path).expect("run `node bench/gen-faq.mjs` first");
    // As an owner's file (and the studio's download) is: pretty printed.
    let text = faq_studio::draft::pretty(&faq_studio::draft::parse(&compact).expect("JSON"));
    let time = |name: &str, f: &mut dyn FnMut()| {
        let mut runs: Vec<f64> = (0..7)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        println!("{name}: median {:.1} ms (of 7)", runs[3]);
    };
    println!("{path}: {:.2} MB pretty printed", text.len() as f64 / 1e6);
    time("faq::load (the checker)", &mut || {
        std::hint::black_box(faq_widget::faq::load(&text));
    });
    time("draft::parse (serde_json, for the form)", &mut || {
        std::hint::black_box(faq_studio::draft::parse(&text));
    });
    let value = faq_studio::draft::parse(&text).unwrap();
    time("draft::pretty (a form edit writes the text)", &mut || {
        std::hint::black_box(faq_studio::draft::pretty(&value));
    });
    time("pos::line_count (the gutter)", &mut || {
        std::hint::black_box(faq_studio::pos::line_count(&text));
    });

    // The incremental path (what a keystroke in a question costs once the engine is built).
    time(
        "incremental::full (faq::load and every problem placed)",
        &mut || {
            std::hint::black_box(faq_studio::incremental::full(&text));
        },
    );
    let (located, faq) = faq_studio::incremental::full(&text);
    time("Engine::build (after a full check)", &mut || {
        std::hint::black_box(faq_studio::incremental::Engine::build(
            &text,
            &located,
            faq.as_ref(),
        ));
    });
    time("Doc::new (the line index)", &mut || {
        std::hint::black_box(faq_studio::doc::Doc::new(text.clone()));
    });
    // A keystroke as the page hands it over: the text box's new value (a window of 1,000
    // lines), through the editor (the difference, the line index, the incremental check, the
    // preview's FAQ and the form's JSON patched). In the first question, then in the last.
    let mut editor = faq_studio::editor::Editor::new(text.clone(), "faq.json", true);
    let questions = faq.as_ref().unwrap().questions.len();
    for (name, line) in [("first", 0), ("last", editor.doc().line_count() - 1)] {
        editor.show_line(line);
        let mut held = Vec::new();
        time(
            &format!("one keystroke in the {name} question (Editor::typed)"),
            &mut || {
                let window = editor.window_text();
                let at = if line == 0 {
                    window.find("\"question\": \"").unwrap()
                } else {
                    window.rfind("\"question\": \"").unwrap()
                } + 13;
                let value = [&window[..at], "x", &window[at..]].concat();
                assert!(editor.typed(&value), "incremental");
                // The preview holds the FAQ it shows, as the widget does.
                held.push(editor.last_valid.clone());
                if held.len() > 1 {
                    held.remove(0);
                }
            },
        );
    }

    // What the widget itself does with each new FAQ it is given (src/components/faq_view.rs):
    // its questions copied into `Rc`s, and `offline::remap` (which question was where, by id).
    let faq = faq.unwrap();
    time(
        "the widget: questions copied into Rc (FaqView)",
        &mut || {
            std::hint::black_box(
                faq.questions
                    .iter()
                    .cloned()
                    .map(std::rc::Rc::new)
                    .collect::<Vec<_>>(),
            );
        },
    );
    let shared: Vec<_> = faq
        .questions
        .iter()
        .cloned()
        .map(std::rc::Rc::new)
        .collect();
    time(
        &format!("the widget: offline::remap of {questions} questions (use_update)"),
        &mut || {
            std::hint::black_box(faq_widget::offline::remap(&shared, &shared, |q| {
                q.id.as_str()
            }));
        },
    );
}
