//! `faq-widget check | schema | render`: authoring tools for faq.json (see README, "Authoring
//! tools"). The work is in `faq_widget::cli`; on wasm32 (Trunk builds every target) this is empty.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(faq_widget::cli::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
