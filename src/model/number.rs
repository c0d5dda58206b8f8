//! Decimal numbers as servers and customers write them: `120`, `-3287.30`, `12,5`, `1.5e3`.
//!
//! The cabinet only ever shows such numbers rounded to kopecks or whole units, so it reads them
//! with Clinger's fast path (exact for up to 15 significant digits and exponents within ±22,
//! within an ulp beyond) instead of `str::parse::<f64>`, whose correctly rounded algorithm carries
//! a 10 KB table of powers of five into the bundle.

/// Exact powers of ten in `f64` (10²² is the largest).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Read a decimal number: an optional sign, digits with at most one decimal point (`.` or `,`),
/// at least one digit, an optional exponent. No spaces, no `inf`/`NaN`; `None` for anything
/// else and for numbers beyond `f64`.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    // Up to 19 significant digits fit a u64; later digits only move the exponent.
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                let d = u64::from(c - b'0');
                if mantissa == 0 && d == 0 {
                    // A leading zero: only its place counts.
                    if seen_point {
                        exponent -= 1;
                    }
                } else if significant < 19 {
                    mantissa = mantissa * 10 + d;
                    significant += 1;
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // A dropped whole digit still makes the number ten times larger.
                    exponent += 1;
                }
            }
            b'.' | b',' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let mut exp_negative = false;
        if let Some(&sign @ (b'+' | b'-')) = b.get(i) {
            exp_negative = sign == b'-';
            i += 1;
        }
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c @ b'0'..=b'9') = b.get(i) {
            e = (e * 10 + i64::from(c - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if exp_negative { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    let value = scale(mantissa as f64, exponent);
    let value = if negative { -value } else { value };
    value.is_finite().then_some(value)
}

/// `m × 10^e`, dividing by exact powers of ten where it can (exact results for small inputs).
fn scale(mut m: f64, mut e: i64) -> f64 {
    if m == 0.0 {
        return 0.0;
    }
    while e > 22 {
        m *= 1e22;
        e -= 22;
        if m.is_infinite() {
            return m;
        }
    }
    while e < -22 {
        m /= 1e22;
        e += 22;
        if m == 0.0 {
            return m;
        }
    }
    let p = POW10[e.unsigned_abs() as usize];
    if e >= 0 {
        m * p
    } else {
        m / p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_servers_and_customers_write() {
        for (text, want) in [
            ("120", 120.0),
            ("-3287.30", -3287.3),
            ("300.00", 300.0),
            ("12,5", 12.5),
            ("+7", 7.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("0.1", 0.1),
            ("1.5e3", 1500.0),
            ("25E-2", 0.25),
            ("0", 0.0),
            ("-0.0", 0.0),
            ("007", 7.0),
            ("0.000001", 0.000001),
            ("9007199254740993", 9007199254740992.0),
        ] {
            assert_eq!(parse_decimal(text), Some(want), "{text}");
        }
    }

    #[test]
    fn agrees_with_the_standard_parser_to_an_ulp() {
        for text in [
            "3287.3000000000002",
            "1590.99",
            "123456789.123456789",
            "0.30000000000000004",
            "1e300",
            "2.2250738585072014e-308",
            "99999999999999999999999",
            "0.00000000000000000000000000123",
            "4.35",
            "1234567890123456789012345.5",
        ] {
            let ours = parse_decimal(text).unwrap();
            let std: f64 = text.parse().unwrap();
            let ulp = (std.abs() * f64::EPSILON * 4.0).max(f64::MIN_POSITIVE);
            assert!((ours - std).abs() <= ulp, "{text}: {ours} vs {std}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "abc", "12a", "1.2.3", "1,2,3", " 1", "1 ", "inf",
            "NaN", "--1", "1e400", "0x10",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }
}
