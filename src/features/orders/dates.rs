//! Order dates as servers send them: free text ("20 марта 2018"), an ISO-8601 day or moment, or
//! unix time. Reading them is pure (and tested here); [`OrderDate::shown`] draws them in the
//! customer's language and time zone through `intl`.

use std::fmt;

use crate::core::intl;
use crate::core::logic::locale::Lang;

/// What an order's `created_at` says.
#[derive(Debug, Clone, PartialEq)]
pub enum OrderDate {
    /// A point in time (unix time, or ISO-8601 with `Z` or an offset): its day depends on where
    /// the customer is.
    Moment { epoch_ms: f64 },
    /// A calendar day as the shop wrote it (ISO-8601 without a time zone): the same everywhere.
    Day { year: i64, month: u32, day: u32 },
    /// Anything else, shown as sent.
    Text(String),
}

impl OrderDate {
    pub fn read(raw: &str) -> Self {
        let s = raw.trim();
        if !s.is_empty() && s.len() <= 13 && s.bytes().all(|b| b.is_ascii_digit()) {
            // Unix time, in seconds or (13 digits) milliseconds.
            if let Ok(t) = s.parse::<i64>() {
                let ms = if s.len() == 13 { t } else { t.saturating_mul(1000) };
                return Self::Moment { epoch_ms: ms as f64 };
            }
        }
        read_iso(s).unwrap_or_else(|| Self::Text(s.to_string()))
    }

    /// The date as the customer reads it: a moment on its day in the customer's time zone, a
    /// calendar day as the shop wrote it, free text as sent.
    pub fn shown(&self, lang: Lang) -> String {
        let drawn = match self {
            Self::Text(text) => return text.clone(),
            Self::Moment { epoch_ms } => intl::day(*epoch_ms, false, lang),
            // A day has no time zone: drawn at UTC midnight, formatted in UTC.
            Self::Day { .. } => intl::day(self.utc_midnight_ms(), true, lang),
        };
        drawn.unwrap_or_else(|| self.to_string())
    }

    /// Milliseconds since the epoch at 00:00 UTC of a `Day` (0 for the others).
    pub fn utc_midnight_ms(&self) -> f64 {
        match self {
            Self::Day { year, month, day } => {
                (days_from_civil(*year, *month, *day) * 86_400_000) as f64
            }
            _ => 0.0,
        }
    }
}

/// ISO-8601 for what cannot be drawn by the browser (native tests, a failed `Intl`).
impl fmt::Display for OrderDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::Day { year, month, day } => write!(f, "{year:04}-{month:02}-{day:02}"),
            Self::Moment { epoch_ms } => {
                let (y, m, d) = civil_from_days((*epoch_ms / 86_400_000.0).floor() as i64);
                write!(f, "{y:04}-{m:02}-{d:02}")
            }
        }
    }
}

/// `yyyy-mm-dd`, optionally followed by `T` or a space, a time and a zone (`Z`, `+03:00`,
/// `+0300`). A zone makes it a moment; without one it is the shop's calendar day.
fn read_iso(s: &str) -> Option<OrderDate> {
    let date = s.get(..10)?;
    let rest = &s[10..];
    let mut p = date.split('-');
    let (y, m, d) = (p.next()?, p.next()?, p.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let as_day = OrderDate::Day { year, month, day };
    if rest.is_empty() {
        return Some(as_day);
    }
    let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let clock = |t: &str| -> Option<i64> {
        let mut parts = t.get(..8).unwrap_or(t.get(..5)?).split(':');
        let h: i64 = parts.next()?.parse().ok()?;
        let min: i64 = parts.next()?.parse().ok()?;
        let sec: i64 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
        (h < 24 && min < 60 && sec < 61).then_some((h * 60 + min) * 60 + sec)
    };
    let zone_at = time.find(['Z', 'z', '+']).or_else(|| time.rfind('-'));
    let Some(zone_at) = zone_at else {
        // A wall-clock time with no zone: the shop's own day.
        return clock(time).map(|_| as_day);
    };
    let seconds = clock(&time[..zone_at])?;
    let zone = &time[zone_at..];
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            let (h, m): (i64, i64) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
            sign * (h * 60 + m) * 60
        }
    };
    let epoch = days_from_civil(year, month, day) * 86_400 + seconds - offset;
    Some(OrderDate::Moment { epoch_ms: (epoch * 1000) as f64 })
}

/// (year, month, day) → days since 1970-01-01, proleptic Gregorian (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days since 1970-01-01 → (year, month, day), the inverse of [`days_from_civil`].
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

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-03-19 21:30 UTC: 00:30 on 20 March in Moscow.
    const NIGHT_ORDER_MS: f64 = 1_710_883_800_000.0;

    #[test]
    fn moments_days_and_text() {
        assert_eq!(OrderDate::read("1710883800"), OrderDate::Moment { epoch_ms: NIGHT_ORDER_MS });
        assert_eq!(
            OrderDate::read("1710883800000"),
            OrderDate::Moment { epoch_ms: NIGHT_ORDER_MS }
        );
        assert_eq!(
            OrderDate::read("2024-03-20T00:30:00+03:00"),
            OrderDate::Moment { epoch_ms: NIGHT_ORDER_MS }
        );
        assert_eq!(
            OrderDate::read("2024-03-19T21:30:00Z"),
            OrderDate::Moment { epoch_ms: NIGHT_ORDER_MS }
        );
        assert_eq!(
            OrderDate::read("2024-03-19 18:30:00-0300"),
            OrderDate::Moment { epoch_ms: NIGHT_ORDER_MS }
        );
        assert_eq!(OrderDate::read("2024-03-20"), OrderDate::Day { year: 2024, month: 3, day: 20 });
        assert_eq!(
            OrderDate::read("2024-03-20 00:30:00"),
            OrderDate::Day { year: 2024, month: 3, day: 20 },
            "no zone: the shop's own day"
        );
        for text in ["20 марта 2018", "2024-13-01", "2024-03-20T25:00:00Z", "вчера"] {
            assert_eq!(OrderDate::read(text), OrderDate::Text(text.into()), "{text}");
        }
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        for days in [-800_000, -1, 0, 59, 60, 19_782, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(OrderDate::read("2024-03-20").to_string(), "2024-03-20");
        assert_eq!(OrderDate::Moment { epoch_ms: NIGHT_ORDER_MS }.to_string(), "2024-03-19");
    }
}
