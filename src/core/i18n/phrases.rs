//! What core says around a value: a failed read and an error, in the customer's language.

use super::Strings;
use crate::core::api::ApiError;
use crate::core::logic::read_failure::ReadFailure;

impl Strings {
    /// What a failed read says under `lead` ("Couldn't load your orders."): the server's own
    /// refusal as it wrote it (never "check what you entered": the customer entered nothing), or
    /// what went wrong; and, when the same refusal came back, that trying again will not help.
    pub fn read_failure(&self, lead: &str, failure: &ReadFailure) -> Vec<String> {
        match &failure.error {
            ApiError::Rejected(r) => {
                let said = r.message.clone().or_else(|| r.form_level(&[]).into_iter().next());
                let mut lines =
                    vec![lead.to_string(), said.unwrap_or_else(|| self.refused_no_reason.into())];
                if failure.repeated {
                    lines.push(self.not_set_up.into());
                }
                lines
            }
            other => vec![format!("{lead} {}", self.api_error(other))],
        }
    }

    /// What to tell the customer about an error that is not a field-level rejection.
    pub fn api_error(&self, err: &ApiError) -> &'static str {
        match err {
            ApiError::Network => self.error_network,
            ApiError::Timeout => self.error_timeout,
            ApiError::Http { .. } => self.error_server,
            ApiError::Protocol(_) => self.error_protocol,
            ApiError::ServerFailed => self.error_server_failed,
            ApiError::SessionOver => self.session_ended,
            ApiError::Rejected(_) => self.error_rejected,
            ApiError::VerificationRequired => self.error_verification,
        }
    }
}
