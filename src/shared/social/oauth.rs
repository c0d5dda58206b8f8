//! The browser side of a social network's OAuth flow: the authorize URL to send the customer to,
//! and reading the reply the network puts in the return URL (implicit flow: `#access_token=…`).
//!
//! The `state` parameter ties a reply to the request this browser made; a reply without the
//! matching state is refused before anything is sent to the shop's server.

use crate::core::logic::url::{append_query, percent_decode};

/// The URL that starts the flow. Extra provider parameters can ride in `authorize_url`'s own
/// query (e.g. VK's `v=5.131`): ours are appended with `&`.
pub fn authorize_url(
    authorize_url: &str,
    client_id: &str,
    scope: Option<&str>,
    redirect_uri: &str,
    state: &str,
) -> String {
    let mut params = vec![
        ("client_id", client_id),
        ("redirect_uri", redirect_uri),
        ("response_type", "token"),
        ("state", state),
    ];
    if let Some(scope) = scope.filter(|s| !s.trim().is_empty()) {
        params.push(("scope", scope));
    }
    append_query(authorize_url, &params)
}

/// What came back in the return URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub access_token: Option<String>,
    /// VK's user id (sent on as `internal_id`).
    pub user_id: Option<String>,
    pub state: Option<String>,
    /// `access_denied` and friends.
    pub error: Option<String>,
}

/// Read `a=b&c=d` (a fragment or a query, without its `#`/`?`).
pub fn parse_reply(params: &str) -> Reply {
    let mut reply = Reply::default();
    for pair in params.trim_start_matches(['#', '?']).split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        let v = (!v.is_empty()).then_some(v);
        match percent_decode(k).as_str() {
            "access_token" => reply.access_token = v,
            "user_id" => reply.user_id = v,
            "state" => reply.state = v,
            "error" => reply.error = v,
            _ => {}
        }
    }
    reply
}

/// A random `state`: 32 hex digits from 16 random bytes.
pub fn state_from_bytes(bytes: &[u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a reply answers the request we made (constant-time enough for a nonce: both sides
/// are ours to compare, and a mismatch only ever ends the flow).
pub fn state_matches(expected: &str, got: Option<&str>) -> bool {
    !expected.is_empty() && got == Some(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_authorize_url() {
        assert_eq!(
            authorize_url(
                "https://oauth.vk.com/authorize?v=5.131",
                "51234",
                Some("email"),
                "https://shop.example/lk/oauth/callback",
                "abc"
            ),
            "https://oauth.vk.com/authorize?v=5.131&client_id=51234&redirect_uri=https%3A%2F%2Fshop.example%2Flk%2Foauth%2Fcallback&response_type=token&state=abc&scope=email"
        );
        assert!(!authorize_url("https://x/a", "1", None, "r", "s").contains("scope"));
    }

    #[test]
    fn reads_the_reply() {
        let r = parse_reply("#access_token=533bacf01e1165b57531ad114461ae8736d6506a3&expires_in=86400&user_id=8492&state=abc%20d");
        assert_eq!(r.access_token.as_deref(), Some("533bacf01e1165b57531ad114461ae8736d6506a3"));
        assert_eq!(r.user_id.as_deref(), Some("8492"));
        assert_eq!(r.state.as_deref(), Some("abc d"));
        let denied = parse_reply("error=access_denied&error_description=User+denied&state=s");
        assert_eq!(denied.error.as_deref(), Some("access_denied"));
        assert_eq!(denied.access_token, None);
        assert_eq!(parse_reply(""), Reply::default());
    }

    #[test]
    fn decoding_is_forgiving() {
        assert_eq!(percent_decode("a%2Fb+c"), "a/b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%D0%AF"), "Я");
    }

    #[test]
    fn state() {
        assert_eq!(state_from_bytes(&[0xab; 16]).len(), 32);
        assert!(state_matches("abc", Some("abc")));
        assert!(!state_matches("abc", Some("abd")));
        assert!(!state_matches("abc", None));
        assert!(!state_matches("", Some("")));
    }
}
