fn main() {
    yew::Renderer::<faq_studio::app::App>::new().render();
}
