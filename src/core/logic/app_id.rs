//! The per-browser installation id (`appId`).
//!
//! Real servers store it in `int(11)` columns and one rejects non-digits; codes and login rate
//! limits are keyed by it. So it is digits only, between 1 and 2147483647, made once per browser
//! and kept.

/// The largest value a signed 32-bit column holds.
pub const MAX_APP_ID: u32 = 2_147_483_647;

/// An app id from 32 random bits.
pub fn from_random(bits: u32) -> String {
    ((bits % MAX_APP_ID) + 1).to_string()
}

/// Whether a stored or configured value is a usable app id.
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 10
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u64>().is_ok_and(|n| n >= 1 && n <= u64::from(MAX_APP_ID))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn always_digits_in_range() {
        for bits in [0, 1, MAX_APP_ID - 1, MAX_APP_ID, u32::MAX] {
            let id = from_random(bits);
            assert!(is_valid(&id), "{id}");
        }
        assert!(!is_valid("0"));
        assert!(!is_valid("2147483648"));
        assert!(!is_valid("12a"));
        assert!(!is_valid(""));
    }
}
