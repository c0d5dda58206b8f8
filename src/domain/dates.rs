//! Order dates: shown as given when they are free text ("20 марта 2018"), formatted for the
//! language when they are ISO-8601 or unix time.

use super::locale::Lang;

/// Russian month names in the genitive ("20 марта").
pub const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn parse_iso(s: &str) -> Option<(i64, u32, u32)> {
    let date = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let mut p = date.split('-');
    let (y, m, d) = (p.next()?, p.next()?, p.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// A date as customers read it; free text stays as the server wrote it.
pub fn format_order_date(raw: &str, lang: Lang) -> String {
    let s = raw.trim();
    let ymd = if !s.is_empty() && s.len() <= 13 && s.bytes().all(|b| b.is_ascii_digit()) {
        // Unix time, in seconds or (13 digits) milliseconds; days in UTC.
        s.parse::<i64>()
            .ok()
            .map(|t| if s.len() == 13 { t / 1000 } else { t })
            .map(|secs| civil_from_days(secs.div_euclid(86_400)))
    } else {
        parse_iso(s)
    };
    match ymd {
        Some((y, m, d)) => {
            let i = (m - 1) as usize;
            match lang {
                Lang::Ru => format!("{d} {} {y}", RU_MONTHS[i]),
                Lang::En => format!("{d} {} {y}", EN_MONTHS[i]),
            }
        }
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_order_date("2024-03-20", Lang::Ru), "20 марта 2024");
        assert_eq!(format_order_date("2024-03-20T10:15:00+03:00", Lang::En), "20 March 2024");
        assert_eq!(format_order_date("1710925200", Lang::En), "20 March 2024");
        assert_eq!(format_order_date("1710925200000", Lang::Ru), "20 марта 2024");
        assert_eq!(
            format_order_date("20 марта 2018", Lang::En),
            "20 марта 2018",
            "free text as given"
        );
        assert_eq!(format_order_date("2024-13-01", Lang::En), "2024-13-01");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }
}
