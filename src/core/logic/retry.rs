//! When a request is tried again, and after how long.
//!
//! Only idempotent reads (`GET`) are retried, at most [`MAX_RETRIES`] times, and only for failures
//! a second try can fix: no answer at all, or a gateway saying the server is briefly away (502, 503,
//! 504). A `POST` is never repeated behind the customer's back — it might register twice. Delays
//! grow exponentially with jitter, so many browsers don't retry in lock-step.

/// Retries after the first attempt.
pub const MAX_RETRIES: u32 = 3;
const BASE_MS: f64 = 400.0;

/// What came back from one attempt, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No answer (offline, refused, DNS).
    NoAnswer,
    /// The request outlived its timeout (not retried: it already waited long).
    TimedOut,
    /// An HTTP status.
    Status(u16),
}

/// Whether attempt number `attempt` (0 = the first) of a request should be followed by another.
pub fn should_retry(idempotent: bool, attempt: u32, outcome: Outcome) -> bool {
    idempotent
        && attempt < MAX_RETRIES
        && matches!(outcome, Outcome::NoAnswer | Outcome::Status(502..=504))
}

/// The pause before retry number `attempt + 1`: 400 ms, 800 ms, 1.6 s … each scaled by a random
/// factor in [0.5, 1.5) (`random` in [0, 1)).
pub fn delay_ms(attempt: u32, random: f64) -> u32 {
    let factor = 0.5 + random.clamp(0.0, 0.999_999);
    (BASE_MS * f64::from(1u32 << attempt.min(10)) * factor).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_reads_and_only_transient_failures() {
        assert!(should_retry(true, 0, Outcome::NoAnswer));
        assert!(should_retry(true, 2, Outcome::Status(503)));
        assert!(!should_retry(true, 3, Outcome::Status(503)), "three retries at most");
        assert!(!should_retry(false, 0, Outcome::NoAnswer), "never a POST");
        assert!(!should_retry(true, 0, Outcome::Status(500)));
        assert!(!should_retry(true, 0, Outcome::Status(200)));
        assert!(!should_retry(true, 0, Outcome::TimedOut));
    }

    #[test]
    fn delays_grow_with_jitter() {
        assert_eq!(delay_ms(0, 0.0), 200);
        assert_eq!(delay_ms(0, 0.5), 400);
        assert_eq!(delay_ms(1, 0.5), 800);
        assert_eq!(delay_ms(2, 0.5), 1600);
        assert!(delay_ms(2, 0.999) < 2400);
    }
}
