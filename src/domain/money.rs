//! Money, counts and the words that go with them.

use super::locale::{format_amount, format_number, Lang};

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "RUB" => "₽",
        "USD" => "$",
        "EUR" => "€",
        "KZT" => "₸",
        "BYN" => "Br",
        "UAH" => "₴",
        "GBP" => "£",
        _ => return None,
    })
}

/// `1 590,00 ₽` in Russian, `₽1,590.00` in English; currencies without a symbol here use their
/// code (`1 590,00 AMD`). Rounded to two places (servers send `3287.3000000000002`).
pub fn format_money(value: f64, currency: &str, lang: Lang) -> String {
    let n = format_number(value, 2, lang);
    match (symbol(currency), lang) {
        (Some(s), Lang::Ru) => format!("{n}\u{a0}{s}"),
        (Some(s), Lang::En) => format!("{s}{n}"),
        (None, _) => format!("{n}\u{a0}{currency}"),
    }
}

/// A count of items: `1`, `0.5`, never `1.0`.
pub fn format_count(value: f64, lang: Lang) -> String {
    format_amount(value, lang)
}

/// Russian plural form for a whole number: `one` (1, 21), `few` (2–4, 22–24), `many` (5–20, 0).
pub fn ru_plural(n: u64, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    let (n10, n100) = (n % 10, n % 100);
    if n10 == 1 && n100 != 11 {
        one
    } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
        few
    } else {
        many
    }
}

/// "3 items" / "3 товара".
pub fn items_label(n: usize, lang: Lang) -> String {
    let n64 = n as u64;
    match lang {
        Lang::Ru => format!("{n} {}", ru_plural(n64, "товар", "товара", "товаров")),
        Lang::En if n == 1 => "1 item".to_string(),
        Lang::En => format!("{n} items"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money() {
        assert_eq!(format_money(3287.3, "RUB", Lang::Ru), "3\u{202f}287,30\u{a0}₽");
        assert_eq!(format_money(1590.0, "RUB", Lang::En), "₽1,590.00");
        assert_eq!(format_money(0.0, "USD", Lang::En), "$0.00");
        assert_eq!(format_money(665.766666, "AMD", Lang::En), "665.77\u{a0}AMD");
    }

    #[test]
    fn counts_and_plurals() {
        assert_eq!(format_count(1.0, Lang::En), "1");
        assert_eq!(format_count(0.5, Lang::Ru), "0,5");
        assert_eq!(items_label(1, Lang::Ru), "1 товар");
        assert_eq!(items_label(3, Lang::Ru), "3 товара");
        assert_eq!(items_label(11, Lang::Ru), "11 товаров");
        assert_eq!(items_label(22, Lang::Ru), "22 товара");
        assert_eq!(items_label(0, Lang::En), "0 items");
        assert_eq!(items_label(1, Lang::En), "1 item");
    }
}
