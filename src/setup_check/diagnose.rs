//! The merchant's setup check: what raw answers say about the server, as findings the setup
//! screen (`view.rs`) puts into words — the fields endpoints, how a crash is
//! answered (a code no one was sent: the published module crashes on it), and, for a signed-in
//! customer, how the order history pages. It reports what the cabinet tolerates as well as what
//! breaks it, so a merchant can fix both; pure and tested natively against the fixtures' kinds of
//! answer.

use crate::core::api::envelope::{self, BodyProblem};
use crate::core::api::error::ApiError;
use crate::core::api::json::Value;
use crate::core::api::lenient::entries;
use crate::core::api::request::RawResponse;
use crate::shared::forms::wire::form_fields;

pub use crate::setup_check::findings::{overall, Finding, Severity};

/// The answer, or what stood in for one: no answer in time, or none at all.
fn answered<'a>(answer: Result<&'a RawResponse, &ApiError>) -> Result<&'a RawResponse, Finding> {
    match answer {
        Ok(resp) => Ok(resp),
        Err(ApiError::Timeout) => Err(Finding::TimedOut),
        Err(_) => Err(Finding::Unreachable),
    }
}

/// Findings for one answer of `getRegistrationFields` / `getRestoreFields` (or the failure to
/// get one). `login_expected`: the registration fields should mark the login field.
pub fn fields_answer(
    answer: Result<&RawResponse, &ApiError>,
    login_expected: bool,
) -> Vec<Finding> {
    let resp = match answered(answer) {
        Ok(resp) => resp,
        Err(no_answer) => return vec![no_answer],
    };
    let mut out = Vec::new();
    let body = resp.body.as_str();
    let (value, json) = match envelope::find_json(body) {
        Ok(found) => found,
        Err(problem) => {
            if !(200..300).contains(&resp.status) {
                out.push(Finding::HttpStatus(resp.status));
            }
            out.push(match problem {
                BodyProblem::Empty => Finding::Empty,
                _ => Finding::NotJson { start: body.trim().chars().take(120).collect() },
            });
            return out;
        }
    };
    if !(200..300).contains(&resp.status) {
        out.push(Finding::HttpStatus(resp.status));
    }
    if !body.trim_start().starts_with(json.get(..1).unwrap_or("{")) {
        out.push(Finding::OutputBeforeJson);
    }
    let Value::Object(top) = &value else {
        out.push(Finding::TopLevelArray);
        return out;
    };
    let status = top.get("status").and_then(Value::as_str).map(|s| s.trim().to_ascii_lowercase());
    let errors = top.get("data").and_then(|d| d.get("errors"));
    if errors.is_some_and(|e| !e.is_array() && !e.is_null()) {
        out.push(Finding::ErrorsNotAList);
    }
    match status.as_deref() {
        None => out.push(Finding::MissingStatus),
        // The answer is parsed already: read its fields as the forms do, without parsing again.
        Some("ok") => match form_fields(top.get("data")) {
            fields if fields.is_empty() => out.push(Finding::NoFields),
            fields => {
                let blank = fields.iter().filter(|f| f.has_blank_title()).count();
                if blank > 0 {
                    out.push(Finding::BlankTitles(blank));
                }
                if login_expected && !fields.iter().any(|f| f.is_login == Some(true)) {
                    out.push(Finding::NoLoginField);
                }
                out.push(Finding::Fields(fields.len()));
            }
        },
        Some("error") => {
            let message = top
                .get("data")
                .and_then(|d| d.get("errorMessage"))
                .and_then(Value::as_str)
                .map(str::to_string)
                .filter(|m| !m.trim().is_empty());
            out.push(Finding::ServerSaidError(message));
        }
        Some("auth_error") => out.push(Finding::AuthError),
        Some(other) => out.push(Finding::UnknownStatus(other.to_string())),
    }
    out
}

/// Findings for the answer to a verification with a code no one was sent.
/// The field ids of a fields answer that is `ok`; `None` for anything else.
pub fn field_ids(answer: Result<&RawResponse, &ApiError>) -> Option<Vec<String>> {
    let (value, _) = envelope::find_json(&answer.ok()?.body).ok()?;
    let ok = value.get("status").and_then(Value::as_str).is_some_and(|s| s.trim() == "ok");
    let ids: Vec<String> = form_fields(value.get("data")).into_iter().map(|f| f.id).collect();
    (ok && !ids.is_empty()).then_some(ids)
}

/// The quoted name in the published module's "Метод 'X' отсутствует в системе" (or any
/// server's "method ... does not exist").
fn missing_method(message: &str) -> Option<Option<String>> {
    let lower = message.to_lowercase();
    let missing = lower.contains("отсутствует в системе")
        || (lower.contains("method")
            && (lower.contains("does not exist") || lower.contains("not found")));
    let named = message.split(['\'', '"']).nth(1).map(str::to_string).filter(|n| !n.is_empty());
    missing.then_some(named)
}

/// Findings for a call with no token and only the common fields, made to learn whether the URL
/// names a method the server has: refusals that name no missing method are proof it does.
pub fn method_answer(
    answer: Result<&RawResponse, &ApiError>,
    module: Option<&'static str>,
) -> Vec<Finding> {
    let resp = match answered(answer) {
        Ok(resp) => resp,
        Err(no_answer) => return vec![no_answer],
    };
    let mut out = Vec::new();
    if !(200..300).contains(&resp.status) {
        out.push(Finding::HttpStatus(resp.status));
    }
    let value = match envelope::find_json(&resp.body) {
        Ok((value, _)) => value,
        Err(BodyProblem::Empty) => {
            out.push(Finding::Empty);
            return out;
        }
        Err(_) => {
            out.push(Finding::NotJson { start: resp.body.trim().chars().take(120).collect() });
            return out;
        }
    };
    let status = value.get("status").and_then(Value::as_str).map(|s| s.trim().to_ascii_lowercase());
    let message = value.get("data").and_then(|d| d.get("errorMessage")).and_then(Value::as_str);
    out.push(match (status.as_deref(), message.and_then(missing_method)) {
        (Some("error"), Some(named)) => Finding::NoSuchMethod { named, module },
        (Some("auth_error"), _) => Finding::AsksForSignIn,
        (Some("ok" | "error"), _) => Finding::Answered,
        (None, _) => Finding::MissingStatus,
        (Some(other), _) => Finding::UnknownStatus(other.to_string()),
    });
    out
}

/// Findings for the signed-in customer's profile: its blocks counted when it reads, else what
/// the answer says about the method.
pub fn profile_answer(
    answer: Result<&RawResponse, &ApiError>,
    module: Option<&'static str>,
) -> Vec<Finding> {
    let read =
        answer.ok().and_then(|resp| envelope::find_json(&resp.body).ok()).and_then(|(v, _)| {
            let ok = v.get("status").and_then(Value::as_str).is_some_and(|s| s.trim() == "ok");
            ok.then(|| entries(v.get("data").and_then(|d| d.get("fields"))).len())
        });
    match read {
        Some(blocks) => vec![Finding::ProfileRead(blocks)],
        None => method_answer(answer, module),
    }
}

pub fn wrong_code_answer(answer: Result<&RawResponse, &ApiError>) -> Vec<Finding> {
    let resp = match answered(answer) {
        Ok(resp) => resp,
        Err(no_answer) => return vec![no_answer],
    };
    let ok_status = (200..300).contains(&resp.status);
    match envelope::find_json(&resp.body) {
        Ok(_) if ok_status => vec![Finding::WrongCodeAnswered],
        Ok(_) => vec![Finding::HttpStatus(resp.status), Finding::WrongCodeAnswered],
        Err(BodyProblem::Empty) if ok_status => vec![Finding::Empty],
        Err(_) if ok_status => {
            let body = resp.body.trim_start();
            let trace =
                body.starts_with("<pre>") || body.contains("[Error]") || body.contains("#0:");
            vec![Finding::CrashAs200 { trace }]
        }
        Err(_) => vec![Finding::HttpStatus(resp.status)],
    }
}

/// The ids of one order-history answer, or the failure to get one.
pub type OrderIds = Result<Vec<String>, ApiError>;

/// How the order history pages, from three answers with `limit=2`: `offset=00` (zero on every
/// server), `offset=1`, and `offset=0`.
pub fn paging_answers(first: &OrderIds, second: &OrderIds, zero: &OrderIds) -> Vec<Finding> {
    let failure = [first, second, zero].into_iter().find_map(|a| a.as_ref().err());
    match failure {
        Some(ApiError::SessionOver) => return vec![Finding::OrdersNeedSignIn],
        Some(ApiError::Timeout) => return vec![Finding::TimedOut],
        Some(ApiError::Network) => return vec![Finding::Unreachable],
        Some(ApiError::Http { status }) => return vec![Finding::HttpStatus(*status)],
        Some(ApiError::Rejected(r)) => return vec![Finding::ServerSaidError(r.message.clone())],
        Some(ApiError::ServerFailed) => return vec![Finding::CrashAs200 { trace: false }],
        Some(_) => return vec![Finding::MissingStatus],
        None => {}
    }
    let (first, second, zero) = (
        first.as_deref().unwrap_or(&[]),
        second.as_deref().unwrap_or(&[]),
        zero.as_deref().unwrap_or(&[]),
    );
    if first.len() < 2 || second.is_empty() {
        return vec![Finding::OrdersTooFew];
    }
    if second == first || first.len() > 2 {
        return vec![Finding::OrdersIgnorePaging];
    }
    if second.iter().any(|id| first.contains(id)) {
        return vec![Finding::OrdersItemOffsets];
    }
    vec![Finding::OrdersPageIndex { zero_is_default: zero != first }]
}

/// The CORS headers a server on another origin must send for a cabinet served from `origin`.
pub fn cors_headers(origin: &str) -> String {
    format!(
        "Access-Control-Allow-Origin: {origin}\n\
         Access-Control-Allow-Methods: GET, POST, DELETE, OPTIONS\n\
         Access-Control-Allow-Headers: Authorization, Content-Type\n\
         Access-Control-Max-Age: 600"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse { status, body: body.into() }
    }

    fn check(status: u16, body: &str) -> Vec<Finding> {
        fields_answer(Ok(&raw(status, body)), true)
    }

    #[test]
    fn a_good_answer() {
        let body = r#"{"status":"ok","data":{"fields":[
            {"id":"email","type":"email","title":"E-mail","isLogin":true},
            {"id":"password","type":"password","title":"Пароль"}]}}"#;
        assert_eq!(check(200, body), vec![Finding::Fields(2)]);
        assert_eq!(overall(&check(200, body)), Severity::Good);
    }

    #[test]
    fn tolerated_slips_are_warnings() {
        let body = "<br />\n<b>Warning</b>: x<br />\n{\"status\":\"ok\",\"data\":{\"fields\":[{\"id\":\"email\",\"title\":\"\"}],\"errors\":{}}}";
        let found = check(200, body);
        assert!(found.contains(&Finding::OutputBeforeJson));
        assert!(found.contains(&Finding::BlankTitles(1)));
        assert!(found.contains(&Finding::NoLoginField));
        assert!(found.contains(&Finding::ErrorsNotAList));
        assert_eq!(overall(&found), Severity::Warning);
        assert!(check(200, "\u{feff}{\"status\":\"ok\",\"data\":{\"fields\":[{\"id\":\"a\",\"title\":\"A\",\"isLogin\":1}]}}")
            .contains(&Finding::OutputBeforeJson));
    }

    #[test]
    fn broken_answers_are_problems() {
        assert_eq!(check(200, ""), vec![Finding::Empty]);
        assert_eq!(
            check(500, "<html><body>Fatal</body></html>"),
            vec![
                Finding::HttpStatus(500),
                Finding::NotJson { start: "<html><body>Fatal</body></html>".into() }
            ]
        );
        assert_eq!(check(200, "[]"), vec![Finding::TopLevelArray]);
        assert_eq!(check(200, "{\"data\":{}}"), vec![Finding::MissingStatus]);
        assert_eq!(
            check(200, "{\"status\":\"maintenance\"}"),
            vec![Finding::UnknownStatus("maintenance".into())]
        );
        assert_eq!(
            check(
                200,
                "{\"status\":\"error\",\"data\":{\"errorMessage\":\"Регистрация не настроена\"}}"
            ),
            vec![Finding::ServerSaidError(Some("Регистрация не настроена".into()))]
        );
        assert_eq!(
            check(200, "{\"status\":\"ok\",\"data\":{\"fields\":[]}}"),
            vec![Finding::NoFields]
        );
        assert_eq!(fields_answer(Err(&ApiError::Network), true), vec![Finding::Unreachable]);
        assert_eq!(fields_answer(Err(&ApiError::Timeout), true), vec![Finding::TimedOut]);
        assert_eq!(overall(&[Finding::Unreachable]), Severity::Problem);
    }

    #[test]
    fn a_crash_answered_as_200_is_told_apart() {
        // The shapes of tests/fixtures/raw/php_fatal_200_*.txt (tests/fixtures.rs reads those).
        let debug =
            "<pre>[Error] \nCall to a member function getLifetime() on null (0)\n#0: x\n</pre>";
        let production = "При выполнении скрипта возникла ошибка. <a href='https://dev.1c-bitrix.ru/'>.settings.php</a>";
        let probe = |body: &str| wrong_code_answer(Ok(&raw(200, body)));
        assert_eq!(probe(debug), vec![Finding::CrashAs200 { trace: true }]);
        assert_eq!(probe(production), vec![Finding::CrashAs200 { trace: false }]);
        assert_eq!(overall(&probe(debug)), Severity::Warning);
        let wrong = r#"{"status":"error","data":{"errorMessage":"Неверный код"}}"#;
        assert_eq!(probe(wrong), vec![Finding::WrongCodeAnswered]);
        assert_eq!(probe("[]"), vec![Finding::WrongCodeAnswered]);
        assert_eq!(
            wrong_code_answer(Ok(&raw(500, "<h1>Fatal</h1>"))),
            vec![Finding::HttpStatus(500)]
        );
    }

    #[test]
    fn order_paging_is_told_from_three_answers() {
        let ids = |list: &[&str]| -> OrderIds { Ok(list.iter().map(|s| s.to_string()).collect()) };
        // Item offsets: offset=1 shifts by one.
        assert_eq!(
            paging_answers(&ids(&["9", "8"]), &ids(&["8", "7"]), &ids(&["9", "8"])),
            vec![Finding::OrdersItemOffsets]
        );
        // The published module: page 1 is new, offset=0 gives its defaults (orders 51 on).
        assert_eq!(
            paging_answers(&ids(&["1", "2"]), &ids(&["3", "4"]), &ids(&["51", "52", "53"])),
            vec![Finding::OrdersPageIndex { zero_is_default: true }]
        );
        assert_eq!(
            paging_answers(&ids(&["1", "2"]), &ids(&["3", "4"]), &ids(&["1", "2"])),
            vec![Finding::OrdersPageIndex { zero_is_default: false }]
        );
        let all = ids(&["1", "2", "3", "4"]);
        assert_eq!(paging_answers(&all, &all, &all), vec![Finding::OrdersIgnorePaging]);
        assert_eq!(
            paging_answers(&ids(&["1"]), &ids(&[]), &ids(&["1"])),
            vec![Finding::OrdersTooFew]
        );
        assert_eq!(
            paging_answers(&Err(ApiError::SessionOver), &ids(&[]), &ids(&[])),
            vec![Finding::OrdersNeedSignIn]
        );
    }

    #[test]
    fn cors_headers_name_the_origin() {
        assert!(cors_headers("https://shop.example")
            .starts_with("Access-Control-Allow-Origin: https://shop.example\n"));
    }

    #[test]
    fn a_method_the_server_lacks_is_named_with_the_modules_name() {
        let lacks = r#"{"status":"error","data":{"errorMessage":"Метод 'changeUserFields' отсутствует в системе"}}"#;
        assert_eq!(
            method_answer(Ok(&raw(200, lacks)), Some("userChangeProfile")),
            vec![Finding::NoSuchMethod {
                named: Some("changeUserFields".into()),
                module: Some("userChangeProfile")
            }]
        );
        let english = r#"{"status":"error","data":{"errorMessage":"Method does not exist"}}"#;
        assert_eq!(
            method_answer(Ok(&raw(200, english)), None),
            vec![Finding::NoSuchMethod { named: None, module: None }]
        );
        assert_eq!(overall(&method_answer(Ok(&raw(200, lacks)), None)), Severity::Problem);
    }

    #[test]
    fn a_refusal_without_a_token_proves_the_method_is_there() {
        let answer = |body: &str| method_answer(Ok(&raw(200, body)), None);
        assert_eq!(answer(r#"{"status":"auth_error"}"#), vec![Finding::AsksForSignIn]);
        let refused = r#"{"status":"error","data":{"errorMessage":"Не заполнено поле «Логин»"}}"#;
        assert_eq!(answer(refused), vec![Finding::Answered]);
        assert_eq!(overall(&answer(refused)), Severity::Good);
        assert_eq!(
            answer("<pre>[Error] x</pre>")[0],
            Finding::NotJson { start: "<pre>[Error] x</pre>".into() }
        );
        assert_eq!(method_answer(Err(&ApiError::Timeout), None), vec![Finding::TimedOut]);
    }

    #[test]
    fn fields_are_compared_by_their_ids() {
        let body = r#"{"status":"ok","data":{"fields":[{"id":"email","title":"E-mail"},{"id":"name","title":"Имя"}]}}"#;
        assert_eq!(field_ids(Ok(&raw(200, body))), Some(vec!["email".into(), "name".into()]));
        assert_eq!(field_ids(Ok(&raw(200, r#"{"status":"error"}"#))), None);
        assert_eq!(field_ids(Err(&ApiError::Network)), None);
    }

    #[test]
    fn a_verdict_that_needs_no_action_reads_fine() {
        let page_index = [Finding::OrdersPageIndex { zero_is_default: true }];
        assert_eq!(overall(&page_index), Severity::Good);
        assert_eq!(overall(&[Finding::NoRecovery]), Severity::Warning);
    }
}
