//! The UI language and locale-aware number formatting.

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// `ru`, `ru_RU`, `ru-RU`, `en-GB`… → a language we have; anything else → `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let lower = tag.trim().to_ascii_lowercase();
        match lower.split(['-', '_']).next().unwrap_or("") {
            "ru" => Some(Self::Ru),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The `locale` request field.
    pub fn wire_locale(self) -> &'static str {
        match self {
            Self::Ru => "ru_RU",
            Self::En => "en_US",
        }
    }

    /// The `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Ru => "ru",
            Self::En => "en",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Ru => "Русский",
            Self::En => "English",
        }
    }
}

/// A number with `decimals` places (rounded half away from zero), grouped by thousands the
/// way the language writes it: `1 250,50` in Russian (narrow no-break spaces), `1,250.50` in
/// English.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    let (group, point) = match lang {
        Lang::Ru => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    // Integer arithmetic, not `format!("{:.2}")`: core's float formatting is ~15 KB of wasm.
    // Amounts stay far below 2^53, where f64 holds every whole number of kopecks exactly.
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round();
    let scaled = if scaled.is_finite() && scaled < 9e15 { scaled as u64 } else { 0 };
    let int = (scaled / scale).to_string();
    let frac = if decimals == 0 {
        String::new()
    } else {
        let f = (scaled % scale).to_string();
        format!("{}{f}", "0".repeat(decimals - f.len()))
    };
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (digits - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(&frac);
    }
    out
}

/// A number shown with no decimals when it is whole, else with up to two (`1`, `0.5`, `1.25`).
pub fn format_amount(value: f64, lang: Lang) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format_number(rounded, 0, lang)
    } else {
        let two = format_number(rounded, 2, lang);
        two.trim_end_matches('0').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_and_decimals() {
        assert_eq!(format_number(1250.5, 2, Lang::En), "1,250.50");
        assert_eq!(format_number(1250.5, 2, Lang::Ru), "1\u{202f}250,50");
        assert_eq!(format_number(3287.3, 2, Lang::En), "3,287.30");
        assert_eq!(format_number(999.0, 0, Lang::En), "999");
        assert_eq!(format_number(1_000_000.0, 0, Lang::En), "1,000,000");
        assert_eq!(format_number(-0.001, 2, Lang::En), "0.00");
        assert_eq!(format_number(-12.5, 1, Lang::En), "-12.5");
    }

    #[test]
    fn amounts_drop_trailing_zeros() {
        assert_eq!(format_amount(1.0, Lang::En), "1");
        assert_eq!(format_amount(0.5, Lang::Ru), "0,5");
        assert_eq!(format_amount(1250.0, Lang::En), "1,250");
        assert_eq!(format_amount(14.000000001, Lang::En), "14");
        assert_eq!(format_amount(0.14 * 100.0, Lang::En), "14", "a discount of 0.14");
        assert_eq!(format_amount(7.5, Lang::Ru), "7,5");
    }

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
    }
}
