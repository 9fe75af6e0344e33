//! The widget's colour custom properties, their defaults (styles/widget.css, light scheme), the
//! text/background pairs whose contrast matters, and the rule a host page puts them in.

use crate::contrast;

/// A colour custom property of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Property {
    /// Without the leading `--`.
    pub name: &'static str,
    /// The light default in styles/widget.css.
    pub light: &'static str,
}

pub const PROPERTIES: [Property; 7] = [
    Property {
        name: "faq-accent",
        light: "#1d4ed8",
    },
    Property {
        name: "faq-text",
        light: "#1f2328",
    },
    Property {
        name: "faq-muted",
        light: "#57606a",
    },
    Property {
        name: "faq-background",
        light: "#ffffff",
    },
    Property {
        name: "faq-surface",
        light: "#f6f8fa",
    },
    Property {
        name: "faq-border",
        light: "#b1bac4",
    },
    Property {
        name: "faq-focus",
        light: "#ffbf47",
    },
];

/// Foreground/background pairs the widget draws text with: (foreground, background).
pub const PAIRS: [(&str, &str); 5] = [
    ("faq-text", "faq-background"),
    ("faq-muted", "faq-background"),
    ("faq-accent", "faq-background"),
    ("faq-text", "faq-surface"),
    ("faq-accent", "faq-surface"),
];

/// The owner's choices: only the properties they set (the rest keep the widget's defaults,
/// light and dark).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    pub set: Vec<(String, String)>,
}

impl Theme {
    /// The value in effect (the owner's, else the light default).
    pub fn value(&self, name: &str) -> String {
        self.set
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .or_else(|| {
                PROPERTIES
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| p.light.to_owned())
            })
            .unwrap_or_default()
    }

    /// Sets a property to a colour; anything that is not a hex colour is ignored.
    pub fn with(&self, name: &str, colour: &str) -> Theme {
        let mut set = self.set.clone();
        if contrast::parse_hex(colour).is_some() && PROPERTIES.iter().any(|p| p.name == name) {
            let colour = colour.trim().to_ascii_lowercase();
            match set.iter_mut().find(|(n, _)| n == name) {
                Some(entry) => entry.1 = colour,
                None => set.push((name.to_owned(), colour)),
            }
            set.sort_by_key(|(n, _)| PROPERTIES.iter().position(|p| p.name == n));
        }
        Theme { set }
    }

    /// The contrast of each pair with the values in effect: (fg, bg, ratio).
    pub fn contrasts(&self) -> Vec<(&'static str, &'static str, f64)> {
        PAIRS
            .iter()
            .filter_map(|&(fg, bg)| {
                contrast::ratio_hex(&self.value(fg), &self.value(bg)).map(|r| (fg, bg, r))
            })
            .collect()
    }

    /// The host page's rule, or "" when nothing is set.
    pub fn css_rule(&self) -> String {
        if self.set.is_empty() {
            return String::new();
        }
        let declarations: Vec<String> = self
            .set
            .iter()
            .map(|(n, v)| format!("--{n}: {v};"))
            .collect();
        format!("faq-widget {{ {} }}", declarations.join(" "))
    }

    /// Stored form: "name=value;name=value".
    pub fn to_storage(&self) -> String {
        let parts: Vec<String> = self.set.iter().map(|(n, v)| format!("{n}={v}")).collect();
        parts.join(";")
    }

    pub fn from_storage(text: &str) -> Theme {
        text.split(';')
            .filter_map(|part| part.split_once('='))
            .fold(Theme::default(), |theme, (n, v)| theme.with(n, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_choices() {
        let theme = Theme::default();
        assert_eq!(theme.value("faq-accent"), "#1d4ed8");
        assert_eq!(theme.css_rule(), "");
        assert!(theme
            .contrasts()
            .iter()
            .all(|(_, _, r)| !contrast::is_poor(*r)));
        let theme = theme
            .with("faq-background", "#FFF")
            .with("faq-accent", "#ffff00");
        assert_eq!(theme.value("faq-background"), "#fff");
        // Sorted in the table's order, whatever order they were set in.
        assert_eq!(
            theme.css_rule(),
            "faq-widget { --faq-accent: #ffff00; --faq-background: #fff; }"
        );
        let poor: Vec<_> = theme
            .contrasts()
            .into_iter()
            .filter(|(_, _, r)| contrast::is_poor(*r))
            .map(|(fg, bg, _)| (fg, bg))
            .collect();
        assert_eq!(
            poor,
            [
                ("faq-accent", "faq-background"),
                ("faq-accent", "faq-surface")
            ]
        );
        assert_eq!(
            theme.with("faq-accent", "red"),
            theme,
            "not a hex colour: ignored"
        );
        assert_eq!(theme.with("evil", "#000"), theme, "not a property: ignored");
        assert_eq!(Theme::from_storage(&theme.to_storage()), theme);
    }
}
