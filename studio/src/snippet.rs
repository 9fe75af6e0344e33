//! The embed snippet as the site owner chose it, and the pre-render command line.

use crate::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Where embed.js is served (the studio's own deployment by default).
    pub script_src: String,
    /// The FAQ's URL as the host page should fetch it; empty: the faq.json beside embed.js.
    pub faq_url: String,
    pub cookie_notice: bool,
    pub offline_always: bool,
    /// embed.js's Subresource Integrity digest (`sha384-...`, the build's `embed.js.integrity`),
    /// written into the tag while `script_src` is the embed.js it belongs to; empty: none.
    pub integrity: String,
}

fn attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The languages of a FAQ in one file per language, in order, and its files' name with
/// `{lang}` for the language (`faq.{lang}.json`): `file_set::FileSet::embed`.
pub type Languages = (Vec<String>, String);

/// Where a FAQ of several languages is fetched from: the address given if it has a `{lang}`,
/// else the files' name pattern in the folder of the address given, or of embed.js.
fn languages_src(options: &EmbedOptions, pattern: &str) -> String {
    let given = options.faq_url.trim();
    if given.contains("{lang}") {
        return given.to_owned();
    }
    let beside = if given.is_empty() {
        options.script_src.trim()
    } else {
        given
    };
    let path = beside.split(['?', '#']).next().unwrap_or_default();
    let folder = path.rfind('/').map_or("", |at| &path[..=at]);
    [folder, pattern].concat()
}

/// The HTML a host page pastes: the theme rule (if any), then the script tag; for a FAQ in
/// several languages, with `data-langs` and a `data-src` that has `{lang}`.
pub fn snippet(options: &EmbedOptions, theme: &Theme, languages: Option<&Languages>) -> String {
    let mut out = String::new();
    let rule = theme.css_rule();
    if !rule.is_empty() {
        out.push_str("<style>\n  ");
        out.push_str(&rule);
        out.push_str("\n</style>\n");
    }
    out.push_str("<script src=\"");
    out.push_str(&attr(options.script_src.trim()));
    out.push('"');
    if !options.integrity.trim().is_empty() {
        out.push_str(" integrity=\"");
        out.push_str(&attr(options.integrity.trim()));
        out.push_str("\" crossorigin=\"anonymous\"");
    }
    if let Some((langs, pattern)) = languages {
        out.push_str(" data-src=\"");
        out.push_str(&attr(&languages_src(options, pattern)));
        out.push_str("\" data-langs=\"");
        out.push_str(&attr(&langs.join(",")));
        out.push('"');
    } else if !options.faq_url.trim().is_empty() {
        out.push_str(" data-src=\"");
        out.push_str(&attr(options.faq_url.trim()));
        out.push('"');
    }
    if !options.cookie_notice {
        out.push_str(" data-cookie-notice=\"off\"");
    }
    if options.offline_always {
        out.push_str(" data-offline=\"always\"");
    }
    out.push_str(" async></script>");
    out
}

/// `faq-widget render` for the owner's file, quoted for a POSIX shell when needed.
pub fn render_command(file_name: &str) -> String {
    let name = if file_name.trim().is_empty() {
        "faq.json"
    } else {
        file_name.trim()
    };
    let safe = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    let quoted = if safe {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    };
    let stem = name.strip_suffix(".json").unwrap_or(name);
    let out_safe = stem
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    let out = if out_safe {
        format!("{stem}.html")
    } else {
        format!("'{}.html'", stem.replace('\'', "'\\''"))
    };
    format!("faq-widget render --json-ld {quoted} > {out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> EmbedOptions {
        EmbedOptions {
            script_src: "https://cdn.example.org/faq/embed.js".into(),
            faq_url: "https://www.example.org/faq.json".into(),
            cookie_notice: true,
            offline_always: false,
            integrity: String::new(),
        }
    }

    #[test]
    fn default_snippet_is_the_readme_one() {
        assert_eq!(
            snippet(&options(), &Theme::default(), None),
            r#"<script src="https://cdn.example.org/faq/embed.js" data-src="https://www.example.org/faq.json" async></script>"#
        );
    }

    #[test]
    fn options_and_theme() {
        let o = EmbedOptions {
            cookie_notice: false,
            offline_always: true,
            faq_url: "/help/faq.json?a=1&b=\"2\"".into(),
            ..options()
        };
        let theme = Theme::default().with("faq-accent", "#7c3aed");
        assert_eq!(
            snippet(&o, &theme, None),
            "<style>\n  faq-widget { --faq-accent: #7c3aed; }\n</style>\n<script src=\"https://cdn.example.org/faq/embed.js\" data-src=\"/help/faq.json?a=1&amp;b=&quot;2&quot;\" data-cookie-notice=\"off\" data-offline=\"always\" async></script>"
        );
        let none = EmbedOptions {
            faq_url: " ".into(),
            ..options()
        };
        assert!(!snippet(&none, &Theme::default(), None).contains("data-src"));
    }

    #[test]
    fn a_release_tag_carries_its_integrity_digest() {
        let o = EmbedOptions {
            integrity: "sha384-AAAA+/==".into(),
            ..options()
        };
        assert_eq!(
            snippet(&o, &Theme::default(), None),
            r#"<script src="https://cdn.example.org/faq/embed.js" integrity="sha384-AAAA+/==" crossorigin="anonymous" data-src="https://www.example.org/faq.json" async></script>"#
        );
    }

    #[test]
    fn a_faq_in_several_languages_gets_its_languages_and_a_src_with_lang() {
        let languages = (vec!["en".into(), "fr".into()], "faq.{lang}.json".into());
        let tag = |faq_url: &str| {
            let o = EmbedOptions {
                faq_url: faq_url.into(),
                ..options()
            };
            snippet(&o, &Theme::default(), Some(&languages))
        };
        assert_eq!(
            tag("https://www.example.org/help/faq.json?v=2"),
            r#"<script src="https://cdn.example.org/faq/embed.js" data-src="https://www.example.org/help/faq.{lang}.json" data-langs="en,fr" async></script>"#
        );
        // Beside embed.js when no address is given; as given when it has {lang} already.
        assert!(tag("").contains(r#"data-src="https://cdn.example.org/faq/faq.{lang}.json""#));
        assert!(tag("/faq-{lang}.json").contains(r#"data-src="/faq-{lang}.json""#));
    }

    #[test]
    fn render_command_quotes_odd_names() {
        assert_eq!(
            render_command("faq.json"),
            "faq-widget render --json-ld faq.json > faq.html"
        );
        assert_eq!(
            render_command(""),
            "faq-widget render --json-ld faq.json > faq.html"
        );
        assert_eq!(
            render_command("my faq's.json"),
            "faq-widget render --json-ld 'my faq'\\''s.json' > 'my faq'\\''s.html'"
        );
    }
}
