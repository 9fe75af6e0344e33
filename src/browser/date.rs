//! Dates for people, formatted by the browser (Intl): no date or number formatting in wasm.

/// The day of `ms` (since the epoch) as a long date in `lang`, e.g. "July 5, 2026" in `en`,
/// "5 juillet 2026" in `fr`. A language tag the browser rejects falls back to its default.
#[cfg(target_arch = "wasm32")]
pub fn long_date(ms: u64, lang: &str) -> String {
    use wasm_bindgen::{JsCast, JsValue};

    // Saturating: a u64 beyond f64's exact range is no real date anyway.
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    // Called through Function::call2, which catches: toLocaleDateString throws a RangeError on
    // a malformed language tag, and js_sys's binding of it does not catch.
    let Some(format) = js_sys::Reflect::get(&date, &"toLocaleDateString".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return String::new();
    };
    format
        .call2(&date, &JsValue::from_str(lang), &options)
        .or_else(|_| format.call2(&date, &JsValue::UNDEFINED, &options))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// Outside a browser (SSR tests): the UTC day as `YYYY-MM-DD`.
#[cfg(not(target_arch = "wasm32"))]
pub fn long_date(ms: u64, _lang: &str) -> String {
    // Days to a civil date (H. Hinnant's algorithm), for non-negative day counts.
    let days = ms / 86_400_000 + 719_468;
    let era = days / 146_097;
    let doe = days % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn native_dates_are_utc_days() {
        assert_eq!(super::long_date(0, "en"), "1970-01-01");
        assert_eq!(super::long_date(1_750_000_000_000, "en"), "2025-06-15");
        assert_eq!(super::long_date(951_782_400_000, "en"), "2000-02-29");
    }
}
