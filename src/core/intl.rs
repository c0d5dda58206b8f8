//! Numbers, money, dates and plural forms in the customer's language, by the browser's `Intl`.
//!
//! The browser knows how Russian groups thousands, where `₽` goes in English, which Russian
//! plural form 22 takes and what day it is in the customer's time zone, for every language and
//! currency; the cabinet asks it instead of keeping tables of its own. Money reaches
//! `Intl.NumberFormat` as the text the server sent (engines that read decimal strings exactly
//! round `3287.3000000000002` to kopecks without passing through `f64`).
//!
//! Off the browser (native tests) there is no `Intl`: each function falls back to the plain
//! value, so nothing here can panic.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::core::api::lenient::Amount;
use crate::core::logic::locale::Lang;

const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// A plural category of `Intl.PluralRules` (CLDR): Russian uses one/few/many, English one/other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(lang.tag()))
}

/// Call a formatter's bound `format` with one argument; `None` if it throws.
fn call_format(format: Function, value: &JsValue) -> Option<String> {
    format.call1(&JsValue::NULL, value).ok()?.as_string()
}

/// Which formatter: its options, apart from the language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Style {
    Money {
        currency: String,
    },
    Number,
    Percent,
    Moment,
    /// An order's day, in the customer's time zone or (a calendar day as written) in UTC.
    OrderDay {
        in_utc: bool,
    },
}

impl Style {
    fn options(&self) -> Object {
        match self {
            Style::Money { currency } => options(&[
                ("style", "currency".into()),
                ("currency", currency.as_str().into()),
                ("currencyDisplay", "narrowSymbol".into()),
            ]),
            Style::Number => options(&[("maximumFractionDigits", 2.into())]),
            Style::Percent => {
                options(&[("style", "percent".into()), ("maximumFractionDigits", 0.into())])
            }
            Style::Moment => {
                options(&[("dateStyle", "long".into()), ("timeStyle", "short".into())])
            }
            Style::OrderDay { in_utc } => {
                let mut pairs = vec![
                    ("day", JsValue::from_str("numeric")),
                    ("month", "long".into()),
                    ("year", "numeric".into()),
                ];
                if *in_utc {
                    pairs.push(("timeZone", "UTC".into()));
                }
                options(&pairs)
            }
        }
    }

    fn make(&self, lang: Lang) -> Function {
        let (locales, options) = (locales(lang), self.options());
        match self {
            Style::Moment | Style::OrderDay { .. } => {
                Intl::DateTimeFormat::new(&locales, &options).format()
            }
            _ => Intl::NumberFormat::new(&locales, &options).format(),
        }
    }
}

thread_local! {
    /// Formatters made so far. Making one costs a locale lookup, and an order row asks for a
    /// date, a total and a plural each time it is drawn: each is made once per language and
    /// style and kept for the page's life (a handful: the styles times two languages).
    static FORMATTERS: RefCell<Vec<(Lang, Style, Function)>> = const { RefCell::new(Vec::new()) };
    static PLURAL_RULES: RefCell<Vec<(Lang, Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
}

/// Format `value` in `lang` and `style`; `None` if the browser's formatter throws.
fn format(lang: Lang, style: Style, value: &JsValue) -> Option<String> {
    let format = FORMATTERS.with_borrow_mut(|made| {
        if let Some((_, _, f)) = made.iter().find(|(l, s, _)| *l == lang && *s == style) {
            return f.clone();
        }
        let f = style.make(lang);
        made.push((lang, style, f.clone()));
        f
    });
    call_format(format, value)
}

/// A number with no `Intl` to format it: whole, and without core's float formatting (10 KB of
/// wasm for a path that only runs when the browser lacks `Intl`).
fn plain(value: f64) -> String {
    (value.round() as i64).to_string()
}

/// `Intl` throws a `RangeError` for a currency that is not three letters; config checks it, and
/// this guards the call that cannot catch.
fn well_formed_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `3 287,30 ₽` in Russian, `₽3,287.30` in English; a currency the language has no sign for
/// shows its code. Always two decimals, rounded.
pub fn money(amount: &Amount, currency: &str, lang: Lang) -> String {
    money_of(|| JsValue::from_str(amount.as_str()), amount.as_str(), currency, lang)
}

/// [`money`] for a sum the cabinet worked out (a line's price × count).
pub fn money_from_f64(value: f64, currency: &str, lang: Lang) -> String {
    money_of(|| JsValue::from_f64(value), &plain(value), currency, lang)
}

fn money_of(value: impl Fn() -> JsValue, text: &str, currency: &str, lang: Lang) -> String {
    let fallback = || format!("{text} {currency}");
    if !IN_BROWSER || !well_formed_currency(currency) {
        return fallback();
    }
    let style = Style::Money { currency: currency.to_string() };
    format(lang, style, &value()).unwrap_or_else(fallback)
}

/// A count or a balance: whole numbers as they are, fractions to at most two places
/// (`1`, `0,5`, `1 250`).
pub fn number(value: f64, lang: Lang) -> String {
    if !IN_BROWSER {
        return plain(value);
    }
    format(lang, Style::Number, &JsValue::from_f64(value)).unwrap_or_else(|| plain(value))
}

/// A share as a percentage, whole: `0.14` → `14 %` in Russian (a no-break space), `14%` in
/// English.
pub fn percent(share: f64, lang: Lang) -> String {
    let fallback = || format!("{}%", plain(share * 100.0));
    if !IN_BROWSER {
        return fallback();
    }
    format(lang, Style::Percent, &JsValue::from_f64(share)).unwrap_or_else(fallback)
}

/// Which plural form `n` takes in `lang`.
pub fn plural(n: f64, lang: Lang) -> Plural {
    if !IN_BROWSER {
        return if n == 1.0 { Plural::One } else { Plural::Other };
    }
    let rules = PLURAL_RULES.with_borrow_mut(|made| {
        if let Some((_, rules)) = made.iter().find(|(l, _)| *l == lang) {
            return rules.clone();
        }
        let rules = Intl::PluralRules::new(&locales(lang), &Object::new());
        made.push((lang, rules.clone()));
        rules
    });
    match String::from(rules.select(n)).as_str() {
        "zero" => Plural::Zero,
        "one" => Plural::One,
        "two" => Plural::Two,
        "few" => Plural::Few,
        "many" => Plural::Many,
        _ => Plural::Other,
    }
}

/// A moment with its time: "2 декабря 2026 г., 10:15", "2 December 2026 at 10:15".
pub fn moment(epoch_ms: f64, lang: Lang) -> String {
    if !IN_BROWSER {
        return plain(epoch_ms);
    }
    format(lang, Style::Moment, &Date::new(&JsValue::from_f64(epoch_ms)))
        .unwrap_or_else(|| plain(epoch_ms))
}

/// The day of `epoch_ms`: in the customer's own time zone (an order placed at 00:30 in Moscow
/// is dated that day there, not the day before as in UTC), or in UTC for a calendar day given
/// as its UTC midnight. `None` off the browser or where `Intl` fails.
pub fn day(epoch_ms: f64, in_utc: bool, lang: Lang) -> Option<String> {
    if !IN_BROWSER {
        return None;
    }
    format(lang, Style::OrderDay { in_utc }, &Date::new(&JsValue::from_f64(epoch_ms)))
}
