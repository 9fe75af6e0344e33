//! WCAG 2 contrast ratio between two sRGB colours, for the theme's text/background pairs.

/// The WCAG AA minimum for normal text.
pub const AA: f64 = 4.5;

/// `#rrggbb` or `#rgb` (what `<input type="color">` gives, and what a person types).
pub fn parse_hex(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.trim().strip_prefix('#')?;
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let bytes = hex.as_bytes();
    match bytes.len() {
        3 => {
            let mut out = [0; 3];
            for (o, &c) in out.iter_mut().zip(bytes) {
                let d = digit(c)?;
                *o = d * 17;
            }
            Some(out)
        }
        6 => {
            let mut out = [0; 3];
            for (o, pair) in out.iter_mut().zip(bytes.chunks(2)) {
                *o = digit(pair[0])? * 16 + digit(pair[1])?;
            }
            Some(out)
        }
        _ => None,
    }
}

/// Relative luminance (WCAG 2.2, "relative luminance").
pub fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The contrast ratio, from 1 (same) to 21 (black on white), in either order.
pub fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// The ratio of two colours written as hex, or `None` if either is not a colour.
pub fn ratio_hex(a: &str, b: &str) -> Option<f64> {
    Some(ratio(parse_hex(a)?, parse_hex(b)?))
}

/// The ratio as shown: rounded down to two decimals, so 4.499 never reads as "4.50:1".
pub fn format_ratio(r: f64) -> String {
    format!("{:.2}:1", (r * 100.0).floor() / 100.0)
}

/// Below AA for normal text.
pub fn is_poor(r: f64) -> bool {
    r < AA
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_long_and_short_hex() {
        assert_eq!(parse_hex("#1d4ed8"), Some([0x1d, 0x4e, 0xd8]));
        assert_eq!(parse_hex("#FFF"), Some([255, 255, 255]));
        assert_eq!(parse_hex(" #000000 "), Some([0, 0, 0]));
        assert_eq!(parse_hex("1d4ed8"), None);
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("#gggggg"), None);
    }

    #[test]
    fn known_ratios() {
        let r = ratio_hex("#000", "#fff").unwrap();
        assert!((r - 21.0).abs() < 1e-9);
        assert!((ratio_hex("#777", "#777").unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1, just above AA; #777777 is 4.48:1, just below.
        assert_eq!(
            format_ratio(ratio_hex("#767676", "#ffffff").unwrap()),
            "4.54:1"
        );
        assert!(!is_poor(ratio_hex("#767676", "#ffffff").unwrap()));
        assert!(is_poor(ratio_hex("#777777", "#ffffff").unwrap()));
        // Order does not matter.
        assert_eq!(ratio_hex("#1d4ed8", "#fff"), ratio_hex("#fff", "#1d4ed8"));
    }

    #[test]
    fn widget_defaults_pass_aa() {
        for (fg, bg) in [
            ("#1f2328", "#ffffff"),
            ("#57606a", "#ffffff"),
            ("#1d4ed8", "#ffffff"),
        ] {
            assert!(!is_poor(ratio_hex(fg, bg).unwrap()), "{fg} on {bg}");
        }
        assert!(is_poor(ratio_hex("#ffff00", "#ffffff").unwrap()));
    }
}
