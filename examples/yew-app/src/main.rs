//! A small Yew app with two FAQ widgets beside its own content: the README's "Use it in a Yew
//! app", built by the test command with Trunk and checked end to end (tests/e2e/yew-app.spec.mjs).

use faq_widget::FaqWidget;
use yew::prelude::*;

#[component]
fn App() -> Html {
    let opened = use_state(|| 0u32);
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
                <article aria-label="Library questions">
                    <FaqWidget src="library-faq.json" lang="en" />
                </article>
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
