//! What the setup check can find, and how bad each finding is: the words for them are
//! `phrases.rs`, the reading of answers into findings `diagnose.rs`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Good,
    Warning,
    Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// No answer at all: the server is down, the URL is wrong, or CORS forbids this origin.
    Unreachable,
    /// No answer within `request_timeout_ms`.
    TimedOut,
    /// An HTTP error status.
    HttpStatus(u16),
    /// An empty body.
    Empty,
    /// Not JSON; the first characters, to recognise the page (shown as text).
    NotJson { start: String },
    /// Something (a PHP warning, a BOM) before the JSON: tolerated, but a bug on the server.
    OutputBeforeJson,
    /// A top-level array (`[]`).
    TopLevelArray,
    /// A JSON object without `status`.
    MissingStatus,
    /// A `status` the API does not define.
    UnknownStatus(String),
    /// `status: error`, with the server's message.
    ServerSaidError(Option<String>),
    /// `status: auth_error` on a call that needs no token.
    AuthError,
    /// `data.errors` is there but not a list (the document says an array).
    ErrorsNotAList,
    /// `status: ok` but no usable field.
    NoFields,
    /// Fields without a title (the document forbids it; the cabinet shows the id instead).
    BlankTitles(usize),
    /// No field marked `isLogin`: the sign-in screen cannot tell e-mail from phone.
    NoLoginField,
    /// All good: this many fields.
    Fields(usize),
    /// A code no one was sent is answered in JSON, as the API says.
    WrongCodeAnswered,
    /// A crash answered as HTTP 200 with a page instead of JSON (1C-Bitrix's exception handler);
    /// `trace`: the page is a debugging trace with file paths.
    CrashAs200 { trace: bool },
    /// Orders page with item offsets, as the document says.
    OrdersItemOffsets,
    /// `offset` is read as a page number; `zero_is_default`: `offset=0` is read as "not given"
    /// (the published module). The cabinet detects it and needs no setting.
    OrdersPageIndex { zero_is_default: bool },
    /// The whole history comes back whatever `offset` and `limit` say.
    OrdersIgnorePaging,
    /// Fewer than three orders: the paging cannot be told.
    OrdersTooFew,
    /// The order history needs a signed-in customer: sign in, then check again.
    OrdersNeedSignIn,
    /// The server has no such method (`named`, as its message quotes it): the URL names a wrong
    /// one. `module`: the published module's name for it.
    NoSuchMethod { named: Option<String>, module: Option<&'static str> },
    /// A call that needs a signed-in customer refused one without a token: the method is there.
    AsksForSignIn,
    /// The method answered a call with the common fields alone (it is there).
    Answered,
    /// The recovery fields are the registration fields: `recovery_fields_url` names the
    /// registration method (or is not set, and the document's default applies).
    RecoveryFieldsAreRegistration,
    /// No `recovery_url`: the cabinet shows no "forgot password" link.
    NoRecovery,
    /// No `logout_url`: sign-out is `DELETE auth_url`, as the document says; the published module
    /// does not sign out on that.
    LogoutOnAuth,
    /// Signed in: the profile was read, with this many blocks.
    ProfileRead(usize),
}

impl Finding {
    pub fn severity(&self) -> Severity {
        match self {
            // Reading offset as a page number needs nothing from the merchant: the cabinet
            // tells it from the answers.
            Self::Fields(_)
            | Self::WrongCodeAnswered
            | Self::OrdersItemOffsets
            | Self::OrdersPageIndex { .. }
            | Self::OrdersTooFew
            | Self::OrdersNeedSignIn
            | Self::AsksForSignIn
            | Self::Answered
            | Self::ProfileRead(_) => Severity::Good,
            Self::OutputBeforeJson
            | Self::ErrorsNotAList
            | Self::BlankTitles(_)
            | Self::NoLoginField
            | Self::CrashAs200 { .. }
            | Self::OrdersIgnorePaging
            | Self::NoRecovery
            | Self::LogoutOnAuth => Severity::Warning,
            _ => Severity::Problem,
        }
    }
}

/// The worst severity among `findings` (`Good` for none).
pub fn overall(findings: &[Finding]) -> Severity {
    let worst = |s: Severity| findings.iter().any(|f| f.severity() == s);
    if worst(Severity::Problem) {
        Severity::Problem
    } else if worst(Severity::Warning) {
        Severity::Warning
    } else {
        Severity::Good
    }
}
