//! A small Yew app with two FAQ widgets beside its own content: the README's "Use it in a Yew
//! app", built by the test command with Trunk and checked end to end (tests/e2e/yew-app.spec.mjs).

use faq_widget::FaqWidget;
use yew::prelude::*;

/// The app's two views, as a router would switch them: the library's FAQ exists only in the
/// first, so leaving it unmounts that `FaqWidget` (tests/e2e/yew-app.spec.mjs counts what it
/// leaves behind: nothing).
#[derive(Clone, Copy, PartialEq)]
enum View {
    Library,
    Hours,
}

#[component]
fn App() -> Html {
    let opened = use_state(|| 0u32);
    let view = use_state(|| View::Library);
    let go = |to: View| {
        let view = view.clone();
        move |_| view.set(to)
    };
    let current = |to: View| (*view == to).then_some("page");
    html! {
        <>
            <header>
                <h1>{ "Acme help centre" }</h1>
                <p>{ "Our own content, rendered by this Yew app. The two FAQs below are faq-widget components." }</p>
            </header>
            <main class="columns">
                <article aria-label="General questions">
                    <FaqWidget src="faq.json" />
                </article>
                <section aria-label="Library">
                    <nav aria-label="Library pages">
                        <button type="button" aria-current={current(View::Library)}
                            onclick={go(View::Library)}>{ "Library questions" }</button>
                        <button type="button" aria-current={current(View::Hours)}
                            onclick={go(View::Hours)}>{ "Opening hours" }</button>
                    </nav>
                    if *view == View::Library {
                        <article aria-label="Library questions">
                            <FaqWidget src="library-faq.json" lang="en" />
                        </article>
                    } else {
                        <p>{ "Monday to Friday from 9:00 to 20:00, Saturday from 10:00 to 16:00." }</p>
                    }
                </section>
            </main>
            <footer>
                <button type="button" onclick={{
                    let opened = opened.clone();
                    move |_| opened.set(*opened + 1)
                }}>{ format!("App button pressed {} times", *opened) }</button>
            </footer>
        </>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
