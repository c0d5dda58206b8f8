//! What a screen that reads (the order list, an order, the profile) does when the read fails:
//! whether it offers to try again.
//!
//! A read that got no answer, or a broken one, may work the next time, so a retry is always
//! offered for those. A refusal is the server's own word ("Функционал заказов не нестроен", say,
//! from a shop that never set its orders up): one retry is offered, since a server can refuse
//! once and answer the next time; the same refusal again means trying cannot help, and the
//! screen says so instead of offering a button that does nothing.

use crate::core::api::ApiError;

#[derive(Debug, Clone, PartialEq)]
pub struct ReadFailure {
    pub error: ApiError,
    /// The server gave the same refusal to the try before: trying again will not help.
    pub repeated: bool,
}

impl ReadFailure {
    /// The failure of a read whose last try (if it failed too) was `previous`.
    pub fn after(previous: Option<&ReadFailure>, error: ApiError) -> Self {
        let repeated =
            matches!(error, ApiError::Rejected(_)) && previous.is_some_and(|p| p.error == error);
        Self { error, repeated }
    }

    /// Whether the screen offers "try again".
    pub fn offers_retry(&self) -> bool {
        match self.error {
            ApiError::Rejected(_) => !self.repeated,
            ref other => other.is_retryable_read(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::api::Rejection;

    fn refusal(text: &str) -> ApiError {
        ApiError::Rejected(Rejection { message: Some(text.into()), field_errors: Vec::new() })
    }

    #[test]
    fn a_refusal_is_retried_once_and_a_repeated_one_never() {
        let first = ReadFailure::after(None, refusal("Функционал заказов не нестроен"));
        assert!(first.offers_retry() && !first.repeated);
        let again = ReadFailure::after(Some(&first), refusal("Функционал заказов не нестроен"));
        assert!(again.repeated && !again.offers_retry());
        let still = ReadFailure::after(Some(&again), refusal("Функционал заказов не нестроен"));
        assert!(!still.offers_retry(), "and it stays so");
        let other = ReadFailure::after(Some(&first), refusal("Сервис временно недоступен"));
        assert!(other.offers_retry(), "another refusal is news: one more try");
    }

    #[test]
    fn no_answer_and_broken_answers_are_always_worth_a_retry() {
        let first = ReadFailure::after(None, ApiError::Network);
        let again = ReadFailure::after(Some(&first), ApiError::Network);
        assert!(!again.repeated && again.offers_retry());
        assert!(ReadFailure::after(None, ApiError::ServerFailed).offers_retry());
        assert!(ReadFailure::after(None, ApiError::Http { status: 500 }).offers_retry());
        let after_refusal = ReadFailure::after(Some(&first), refusal("Нет"));
        assert!(after_refusal.offers_retry());
    }
}
