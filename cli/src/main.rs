//! `faq-widget check | schema | render`: authoring tools for faq.json (see README, "Authoring
//! tools"). The work is in the library ([`faq_widget_cli::run`]) so tests can call it.

fn main() {
    std::process::exit(faq_widget_cli::main());
}
