//! Browser journeys against the test server playing the published 1C-Bitrix module (mobium.api
//! 1.0.13) as it was observed run for real: page-index order paging with `offset=0` read as "not
//! given", oldest-first orders without dates, typeless profile fields without `verified`, changes
//! answered `ok` and not applied, recovery reading `login` when the key is there, the account
//! created before the code, a wrong code answered as HTTP 200 with a trace, and a row id for the
//! bonus share (see `support/published.rs`). Screenshots: `target/screenshots/published-*`.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::browser::{Browser, ONE_AT_A_TIME};
use support::published::{BrokenPicture, Release, CARD_NUMBER, ORDERS_NOT_SET_UP};
use support::{http_config, ConfigMode, TestServer};
use web_cabinet::core::api::Endpoint;
use web_cabinet::demo::{demo_order, DEMO_LOGIN};

const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 900);
/// The demo customer's account id (the seed of its order history).
const ANNA: u64 = 1;

/// The `cabinet.json` the README tells a merchant on this module to copy, as it ships: the
/// preset line. Every journey here reaches the module's methods through it.
fn merchant_config() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/cabinet.example.json");
    std::fs::read_to_string(path).expect("public/cabinet.example.json")
}

async fn module_server(orders: u32) -> TestServer {
    let server = TestServer::start(ConfigMode::Json(merchant_config())).await;
    server.set_published_module();
    server.set_order_count(orders);
    server
}

fn body_of(logged: &support::Logged) -> serde_json::Value {
    serde_json::from_str(&logged.body).unwrap_or(serde_json::Value::Null)
}

/// Nothing of a crash page on screen: no trace, no paths, no live link to Bitrix.
async fn no_crash_output(b: &Browser) {
    let text = b.js("return document.body.innerText").await;
    let text = text.as_str().unwrap_or_default();
    for marker in ["[Error]", "getLifetime", "bitrix/modules", ".settings.php", "<pre>", "#0:"] {
        assert!(!text.contains(marker), "crash output on screen ({marker}): {text}");
    }
    let links = b.js_strings("return [...document.querySelectorAll('a')].map(a => a.href)").await;
    assert!(
        !links.iter().any(|h| h.contains("1c-bitrix")),
        "a live link from the crash: {links:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_order_once_newest_first_and_each_one_opens() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(75).await;
    let b = Browser::signed_in(&server, "ru-RU").await;
    b.click(".wc-nav a[href='/orders']").await;
    b.wait_path("/orders").await;
    // The module lists oldest first: the cabinet reads to the end on its own and shows all 75,
    // newest first, and knows they are all (short last page).
    b.wait_text(".wc-list-footer", "Показаны все заказы: 75").await;
    let sent = server.requests_to(Endpoint::OrderList);
    let asked: Vec<(String, String)> =
        sent.iter().map(|r| (r.query["offset"].clone(), r.query["limit"].clone())).collect();
    assert_eq!(
        asked,
        [("00", "20"), ("1", "20"), ("1", "40")].map(|(o, l)| (o.to_string(), l.to_string())),
        "`00` (never `0`: the module's default would skip 50), the probe, then doubled pages"
    );
    let newest = demo_order(ANNA, 0).id;
    let oldest = demo_order(ANNA, 74).id;
    b.wait_text(".wc-order-row:first-child .wc-order-id", &newest).await;
    // No dates from this server: none drawn, nothing invented.
    let dates = b
        .js_strings(
            "return [...document.querySelectorAll('.wc-order-date')].map(e => e.textContent)",
        )
        .await;
    assert!(dates.iter().all(String::is_empty), "{dates:?}");
    b.screenshot("published-orders-phone", PHONE.0, PHONE.1).await;
    b.screenshot("published-orders-desktop", DESKTOP.0, DESKTOP.1).await;
    // Every row once: scroll through the windowed list and collect what it draws.
    let mut seen = std::collections::BTreeSet::new();
    for step in 0..40 {
        let rows = b
            .js_strings("return [...document.querySelectorAll('.wc-order-row a')].map(a => a.getAttribute('href'))")
            .await;
        seen.extend(rows);
        b.js(&format!("window.scrollTo(0, {})", step * 400)).await;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(seen.len(), 75, "each order drawn, once: {}", seen.len());
    assert!(seen.contains(&format!("/orders/{oldest}")));
    assert_eq!(
        server.requests_to(Endpoint::OrderList).len(),
        3,
        "scrolling asked for nothing more"
    );

    // The oldest order, opened from a fresh page (a shared link): found by paging on.
    b.client.goto(&server.url(&format!("/orders/{oldest}"))).await.expect("open");
    b.wait_text("#wc-order-title", &oldest).await;
    let page = b.find(".wc-order").await.text().await.unwrap();
    assert!(!page.contains("Такого заказа нет"), "{page}");
    b.screenshot("published-order-phone", PHONE.0, PHONE.1).await;
    b.screenshot("published-order-desktop", DESKTOP.0, DESKTOP.1).await;
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_profile_edits_typed_values_and_says_when_the_shop_ignored_a_change() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(3).await;
    let b = Browser::signed_in(&server, "en-US").await;
    let phone_row = b.wait_text(".wc-row[data-field=phone]", "+7916").await;
    // The module never says whether the phone is confirmed: no false badge, no confirm loop.
    assert!(!phone_row.contains("not confirmed"), "{phone_row}");
    assert!(b.client.find(fantoccini::Locator::Css(".wc-confirm-button")).await.is_err());
    // `available_proportion: "15"` is a row id, not a share: no "pay up to" line.
    let bonus = b.find(".wc-bonus").await.text().await.unwrap();
    assert!(!bonus.contains("can be paid"), "{bonus}");

    // The phone edits as a phone (the registration field's type).
    b.click(".wc-row[data-field=phone] .wc-edit-button").await;
    let input = b.find("#wc-edit-f-phone").await;
    assert_eq!(input.attr("type").await.unwrap().as_deref(), Some("tel"));
    assert_eq!(input.attr("autocomplete").await.unwrap().as_deref(), Some("tel"));
    b.click(".wc-edit .wc-button--secondary").await;

    // "Пол" edits as the registration form's select, with its options and the current choice.
    b.click(".wc-row[data-field=gender] .wc-edit-button").await;
    let select = b.find("select#wc-edit-f-gender").await;
    let options = b
        .js_strings("return [...document.querySelectorAll('#wc-edit-f-gender option')].map(o => o.textContent)")
        .await;
    assert_eq!(options[1..], ["Мужской", "Женский"], "{options:?}");
    assert_eq!(select.prop("value").await.unwrap().as_deref(), Some("2"), "Женский chosen");
    b.js("const s = document.querySelector('#wc-edit-f-gender'); s.value = '1'; s.dispatchEvent(new Event('change', {bubbles: true}));").await;
    b.click(".wc-edit button[type=submit]").await;
    // The module said ok but did not apply it: the reloaded profile says so, the choice stays.
    b.wait_text(".wc-edit .wc-field-error", "The shop did not apply this change").await;
    assert_eq!(b.value("#wc-edit-f-gender").await, "1");
    let text = b.find(".wc-profile").await.text().await.unwrap();
    assert!(!text.contains("Your changes are saved"), "{text}");
    let change = body_of(server.requests_to(Endpoint::ChangeFields).last().unwrap());
    assert_eq!(change, serde_json::json!({ "fields": [{ "field_id": "gender", "value": "1" }] }));
    assert!(server.requests_to(Endpoint::Profile).len() >= 2, "the profile was reloaded");
    b.screenshot("published-edit-select-phone", PHONE.0, PHONE.1).await;
    b.screenshot("published-edit-select-desktop", DESKTOP.0, DESKTOP.1).await;
    b.click(".wc-edit .wc-button--secondary").await;

    // A change the module applies (the name) is saved.
    b.click(".wc-name .wc-edit-button").await;
    b.type_into("#wc-edit-f-name", "Anna S.").await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-name h2", "Anna S.").await;
    b.wait_text(".wc-status", "Your changes are saved.").await;
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_survives_a_crashing_wrong_code_and_going_back() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(0).await;
    server.state.backend.lock().unwrap().set_resend_seconds(2);
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    assert!(b.find("select#wc-f-gender").await.text().await.unwrap().contains("Женский"));
    b.type_into("#wc-f-name", "Ivan").await;
    b.type_into("#wc-f-email", "ivan@example.com").await;
    b.type_into("#wc-f-phone", "+7 999 111-22-33").await;
    b.type_into("#wc-f-password", "secret1").await;
    b.click("button[type=submit]").await;
    b.find("#wc-code").await;

    // A wrong code crashes the module (HTTP 200, a trace): "not accepted", the code kept to
    // check, no "try again", nothing of the trace.
    let code = server.last_code().expect("a code").code;
    let wrong = if code == "0000" { "1111" } else { "0000" };
    b.type_into("#wc-code", wrong).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_text("#wc-code-error", "The code was not accepted. Check it or ask for a new one.")
        .await;
    assert_eq!(b.value("#wc-code").await, wrong, "what was typed stays, to check it");
    assert!(
        b.client.find(fantoccini::Locator::Css(".wc-code .wc-banner--error button")).await.is_err(),
        "no retry for a submit that fails the same way"
    );
    no_crash_output(&b).await;
    b.screenshot("published-code-not-accepted-phone", PHONE.0, PHONE.1).await;

    // A new code: the old message goes with the old code.
    b.wait_text(".wc-status", "new code").await;
    b.click(".wc-resend").await;
    b.wait_text(".wc-status", "A new code is on its way").await;
    assert!(b.client.find(fantoccini::Locator::Css("#wc-code-error")).await.is_err());

    // Back to the form: the account exists already; the form says why and offers the code.
    b.click(".wc-code .wc-link-button").await;
    let notice = b.wait_text(".wc-awaiting", "+7 999 111-22-33").await;
    assert!(notice.contains("already created"), "{notice}");
    b.screenshot("published-register-awaiting-phone", PHONE.0, PHONE.1).await;
    // The same values: straight back to the code step, no second registration.
    b.click(".wc-register button[type=submit]").await;
    b.find("#wc-code").await;
    assert_eq!(server.requests_to(Endpoint::Registration).len(), 1);
    // Another phone: the module refuses the e-mail; a new code is one click away.
    b.click(".wc-code .wc-link-button").await;
    b.type_into("#wc-f-phone", "+7 999 444-55-66").await;
    b.click(".wc-register button[type=submit]").await;
    b.wait_text(".wc-banner--error", "уже существует").await;
    b.find(".wc-awaiting .wc-new-code").await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    b.click(".wc-awaiting .wc-new-code").await;
    b.find("#wc-code").await;
    let fresh = server.last_code().expect("a new code");
    assert_eq!(fresh.to, "+7 999 111-22-33");
    b.type_into("#wc-code", &fresh.code).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_path("/profile").await;
    // Confirmed with a code here: shown as confirmed though the module never says so.
    b.wait_text(".wc-row[data-field=phone]", "confirmed").await;
    let row = b.find(".wc-row[data-field=phone]").await.text().await.unwrap();
    assert!(!row.contains("not confirmed"), "{row}");
    b.screenshot("published-profile-verified-phone", PHONE.0, PHONE.1).await;
    b.screenshot("published-profile-verified-desktop", DESKTOP.0, DESKTOP.1).await;
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recovery_sends_no_empty_login() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(0).await;
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/recover")).await.expect("open");
    b.find("#wc-f-login").await;
    b.type_into("#wc-f-email", DEMO_LOGIN).await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--info", DEMO_LOGIN).await;
    let sent = body_of(&server.requests_to(Endpoint::Recovery)[0]);
    assert_eq!(sent["email"], DEMO_LOGIN);
    assert!(sent.get("login").is_none(), "an empty login is left out: {sent}");
    assert!(sent.get("regionId").is_none() && sent.get("savedPhone").is_none(), "{sent}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_api_call_carries_the_shops_cookies() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(25).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    // The shop's own session cookie on the cabinet's origin.
    b.js("document.cookie = 'BITRIX_SM_LOGIN=shop-admin; path=/'; document.cookie = 'PHPSESSID=abc123; path=/';").await;
    assert!(b.js("return document.cookie").await.as_str().unwrap_or("").contains("PHPSESSID"));
    b.find("#wc-login").await;
    b.sign_in_as_demo_customer().await;
    b.wait_path("/profile").await;
    b.click(".wc-nav a[href='/orders']").await;
    b.wait_text(".wc-list-footer", "25").await;
    let log = server.log();
    let api: Vec<_> = log.iter().filter(|l| l.endpoint.is_some()).collect();
    assert!(api.len() >= 4, "{} API requests", api.len());
    for l in api {
        assert_eq!(l.cookie, None, "{} {:?} sent the shop's cookies", l.method, l.endpoint);
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_banner_lives_until_the_next_action() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(0).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.click(".wc-profile-head button").await;
    b.wait_text(".wc-banner--info", "You have signed out.").await;
    b.type_into("#wc-login", DEMO_LOGIN).await;
    b.type_into("#wc-password", "wrong-password").await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--error", "Wrong login or password.").await;
    assert!(
        b.client.find(fantoccini::Locator::Css(".wc-banner--info")).await.is_err(),
        "'signed out' beside a later sign-in error"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_setup_check_explains_page_index_paging_and_crashes_as_200() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(75).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.client.goto(&server.url("/setup-check")).await.expect("open");
    let crash = b.wait_text("[data-endpoint=verification_url]", "HTTP 200").await;
    assert!(crash.contains("debug off"), "the trace is named: {crash}");
    let paging = b.wait_text("[data-endpoint=order_list_url]", "page number").await;
    assert!(paging.contains("offset=00") && paging.contains("nothing to configure"), "{paging}");
    no_crash_output_outside_findings(&b).await;
    // The setup check is a bundle of its own: its page downloads that one, not the customers'.
    let wasm = b
        .js("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.wasm'))")
        .await;
    let wasm: Vec<&str> =
        wasm.as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
    assert!(wasm.len() == 1 && wasm[0].contains("/setup-check/web-cabinet-"), "{wasm:?}");
    b.screenshot("published-setup-check-desktop", DESKTOP.0, DESKTOP.1).await;
    b.screenshot("published-setup-check-phone", PHONE.0, PHONE.1).await;
    // A spec server: item offsets, and a wrong code answered in JSON.
    let spec = TestServer::start(ConfigMode::Json(http_config())).await;
    let b2 = Browser::signed_in(&spec, "en-US").await;
    b2.client.goto(&spec.url("/setup-check")).await.expect("open");
    b2.wait_text("[data-endpoint=order_list_url]", "item offsets").await;
    b2.wait_text("[data-endpoint=verification_url]", "gets a JSON answer").await;
    b2.close().await;
    b.close().await;
}

/// The setup check on the README's configuration reads fine for every URL it can try without side
/// effects (the profile and the orders signed in); then the five mistakes the README's old example
/// led a merchant to are each named on their key, with the module's own method name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_setup_check_tries_every_url_and_names_each_wrong_key() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(5).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.client.goto(&server.url("/setup-check")).await.expect("open");
    let keys = [
        "regFields_url",
        "auth_url",
        "logout_url",
        "recovery_fields_url",
        "recovery_url",
        "profile_url",
        "verification_change_url",
        "order_list_url",
    ];
    for key in keys {
        b.wait_text(&format!("[data-endpoint={key}] .wc-setup-verdict"), "Fine").await;
    }
    let profile = b.wait_text("[data-endpoint=profile_url]", "profile was read").await;
    assert!(profile.contains("getUserProfile"), "{profile}");
    let tried: Vec<Endpoint> = server.log().into_iter().filter_map(|r| r.endpoint).collect();
    for never in [Endpoint::Registration, Endpoint::VerificationRepeat] {
        assert!(!tried.contains(&never), "the setup check sent {never:?}: {tried:?}");
    }
    b.close().await;

    // URLs written by hand: no logout_url, two method names the module lacks, and the
    // registration fields as the recovery fields.
    let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    let api = config["api"].as_object_mut().unwrap();
    api.insert("verification_change_url".into(), "/api/mobium.php?method=changeUserFields".into());
    api.insert("recovery_url".into(), "/api/mobium.php?method=restorePassword".into());
    api.insert("recovery_fields_url".into(), "/api/mobium.php?method=getRegistrationFields".into());
    server.set_config(ConfigMode::Json(config.to_string()));
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/setup-check")).await.expect("open");
    let change = b.wait_text("[data-endpoint=verification_change_url]", "Broken").await;
    assert!(
        change.contains("no method “changeUserFields”") && change.contains("“userChangeProfile”"),
        "{change}"
    );
    let recovery = b.wait_text("[data-endpoint=recovery_url]", "Broken").await;
    assert!(
        recovery.contains("“restorePassword”") && recovery.contains("“userRestorePassword”"),
        "{recovery}"
    );
    let fields = b.wait_text("[data-endpoint=recovery_fields_url]", "Broken").await;
    assert!(fields.contains("are the registration fields"), "{fields}");
    let logout = b.wait_text("[data-endpoint=logout_url]", "Works, but worth fixing").await;
    assert!(logout.contains("not set") && logout.contains("userLogout"), "{logout}");
    b.js("document.querySelector('[data-endpoint=logout_url]').scrollIntoView(); return null")
        .await;
    b.screenshot("published-setup-check-mistakes-desktop", DESKTOP.0, DESKTOP.1).await;

    // No recovery_url at all: no link, and the setup check says why.
    api_without(&server, &["recovery_url", "recovery_fields_url"]);
    b.client.goto(&server.url("/setup-check")).await.expect("open");
    let recovery = b.wait_text("[data-endpoint=recovery_url]", "Works, but worth fixing").await;
    assert!(recovery.contains("no “Forgot your password?” link"), "{recovery}");
    b.close().await;
}

/// Serve the spec-shaped config without the given `api` keys.
fn api_without(server: &TestServer, keys: &[&str]) {
    let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    let api = config["api"].as_object_mut().unwrap();
    for key in keys {
        api.remove(*key);
    }
    server.set_config(ConfigMode::Json(config.to_string()));
}

/// No customer downloads the setup check: its words (and so its code) are only in its own bundle.
#[test]
fn the_customers_bundle_carries_no_setup_check() {
    let words = "Works, but worth fixing".as_bytes();
    let holds = |dir: &std::path::Path| {
        wasm_files(dir).iter().any(|wasm| wasm.windows(words.len()).any(|w| w == words))
    };
    let dist = support::dist_dir();
    assert!(!holds(&dist), "the customers' wasm holds the setup check");
    assert!(!holds(&dist.join("signed-in")), "the whole cabinet's wasm holds the setup check");
    assert!(holds(&dist.join("setup-check")), "the setup check's bundle lacks its words");
}

/// A first visit downloads the sign-in screens only: the profile's and the orders' words (and so
/// their code) are in the whole cabinet's bundle, `signed-in/`, not in the first visit's.
#[test]
fn the_first_visit_carries_no_signed_in_screens() {
    let dist = support::dist_dir();
    for words in ["Не удалось загрузить профиль.", "У вас пока нет заказов.", "Бонусов на счёте"]
    {
        let words = words.as_bytes();
        let holds = |dir: &std::path::Path| {
            wasm_files(dir).iter().any(|wasm| wasm.windows(words.len()).any(|w| w == words))
        };
        let said = String::from_utf8_lossy(words);
        assert!(!holds(&dist), "the first visit's wasm holds {said:?}");
        assert!(holds(&dist.join("signed-in")), "the whole cabinet's wasm lacks {said:?}");
    }
}

/// The wasm files of a bundle folder.
fn wasm_files(dir: &std::path::Path) -> Vec<Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("a bundle folder (scripts/build)")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with("_bg.wasm"))
        .map(|e| std::fs::read(e.path()).expect("the wasm"))
        .collect()
}

/// Numbers in answers are converted to floats by the browser (`lenient::parse_decimal`), so the
/// customers' wasm carries none of Rust's decimal-to-float tables (10 KB brotli): a
/// `str::parse::<f64>` or a `serde_json::Number::as_f64` that slips back in brings them back.
/// Their first entry, 5^-342 as two 64-bit halves, stands for the table.
#[test]
fn the_customers_bundle_carries_no_decimal_to_float_tables() {
    let first_power_of_five = 0xeef4_53d6_923b_d65a_u64.to_le_bytes();
    let dist = support::dist_dir();
    let customers = [wasm_files(&dist), wasm_files(&dist.join("signed-in"))].concat();
    assert_eq!(customers.len(), 2, "the first visit's wasm and the whole cabinet's");
    for wasm in customers {
        assert!(
            !wasm.windows(8).any(|w| w == first_power_of_five),
            "a customers' wasm holds core's decimal-to-float tables again"
        );
    }
}

/// The setup check names the crash but never shows its page.
async fn no_crash_output_outside_findings(b: &Browser) {
    let text = b.js("return document.body.innerText").await;
    let text = text.as_str().unwrap_or_default();
    assert!(!text.contains("getLifetime") && !text.contains("<pre>"), "{text}");
}

/// A shop's first installation of an earlier release (late 2019), half-configured: the customer
/// registers and lands signed in (the module never sends the code its field list promised); the
/// profile's barcode address gives no picture, so no picture, no "show at the till" and no "keep
/// my card" — the card number stays readable; and orders that are not set up say so in the
/// server's words, offer one retry, and then say that trying again will not help.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_installation_that_is_half_configured() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(merchant_config())).await;
    server.set_module_release(Release::FirstInstall);
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    b.type_into("#wc-f-name", "Иван").await;
    b.type_into("#wc-f-email", "ivan@example.com").await;
    b.type_into("#wc-f-phone", "+7 999 111-22-33").await;
    b.type_into("#wc-f-password", "secret1").await;
    b.click("button[type=submit]").await;
    // Signed in at once: the profile, never a code step waiting for an SMS that will not come.
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Иван").await;
    assert!(b.client.find(fantoccini::Locator::Css("#wc-code")).await.is_err());
    assert!(server.requests_to(Endpoint::Verification).is_empty(), "no code was asked for");

    for (kind, tag) in [
        (BrokenPicture::Empty, "empty"),
        (BrokenPicture::Missing, "404"),
        (BrokenPicture::HtmlPage, "html"),
    ] {
        server.set_broken_picture(kind);
        b.client.goto(&server.url("/profile")).await.expect("open");
        b.wait_text(".wc-barcode-failed", "Не удалось загрузить штрихкод карты").await;
        assert!(
            b.client.find(fantoccini::Locator::Css("img.wc-barcode")).await.is_err(),
            "{tag}: a picture that never loaded is not shown"
        );
        b.wait_text(".wc-row[data-field=card_number]", CARD_NUMBER).await;
        let offers = b
            .js("return document.querySelectorAll('.wc-barcode-block button, #wc-keep-card').length")
            .await;
        assert_eq!(offers, 0, "{tag}: no till and no keep-card offer for a broken barcode");
        let text = b.js("return document.body.innerText").await;
        assert!(!text.as_str().unwrap_or_default().contains("Штрихкод карты"), "{tag}: alt text");
    }
    // The picture's place, where the customer would have looked for the card.
    b.js("document.querySelector('.wc-barcode-failed').scrollIntoView({block: 'center'})").await;
    b.screenshot("first-install-profile-phone", PHONE.0, PHONE.1).await;
    b.js("document.querySelector('.wc-barcode-failed').scrollIntoView({block: 'center'})").await;
    b.screenshot("first-install-profile-desktop", DESKTOP.0, DESKTOP.1).await;

    // Orders not set up: the server's own words, nothing about what the customer typed.
    b.click(".wc-nav a[href='/orders']").await;
    b.wait_path("/orders").await;
    let banner = b.wait_text(".wc-list-footer .wc-banner--error", ORDERS_NOT_SET_UP).await;
    assert!(banner.contains("Не удалось загрузить заказы"), "{banner}");
    assert!(!banner.contains("Проверьте") && !banner.contains("следующие"), "{banner}");
    // One retry: the same refusal again says the shop has not set this up, and stops offering.
    b.click(".wc-list-footer .wc-banner--error button").await;
    let banner =
        b.wait_text(".wc-list-footer .wc-banner--error", "повторная попытка не поможет").await;
    assert!(banner.contains(ORDERS_NOT_SET_UP), "{banner}");
    assert!(
        b.client
            .find(fantoccini::Locator::Css(".wc-list-footer .wc-banner--error button"))
            .await
            .is_err(),
        "no retry that cannot help"
    );
    assert_eq!(server.requests_to(Endpoint::OrderList).len(), 2);
    let page = b.find(".wc-orders").await.text().await.unwrap();
    for never in ["пока нет заказов", "Показаны все заказы", "Показаны заказы"]
    {
        assert!(!page.contains(never), "«{never}» after an error: {page}");
    }
    b.screenshot("first-install-orders-phone", PHONE.0, PHONE.1).await;
    b.screenshot("first-install-orders-desktop", DESKTOP.0, DESKTOP.1).await;

    // An order opened by its link meets the same refusal, in the same words.
    b.client.goto(&server.url("/orders/17")).await.expect("open");
    let banner = b.wait_text(".wc-order .wc-banner--error", ORDERS_NOT_SET_UP).await;
    assert!(!banner.contains("Проверьте"), "{banner}");
    assert!(!b.crashed().await);
    b.close().await;
}

/// The README's one line reaches every method the module has, by the module's own names: an edit
/// is applied (the example's old `changeUserFields` was answered "method does not exist"),
/// recovery answers, and sign-out tells the module (`userLogout`, which it knows; a `DELETE` on
/// `userAuthorization` it does not).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_configuration_reaches_every_method() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = module_server(3).await;
    let b = Browser::signed_in(&server, "ru-RU").await;
    b.click(".wc-name .wc-edit-button").await;
    b.type_into("#wc-edit-f-name", "Анна С.").await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-name h2", "Анна С.").await;
    b.wait_text(".wc-status", "Изменения сохранены").await;
    b.click(".wc-sign-out").await;
    b.wait_path("/sign-in").await;
    b.client.goto(&server.url("/recover")).await.expect("open");
    b.type_into("#wc-f-email", DEMO_LOGIN).await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--info", DEMO_LOGIN).await;

    let methods: Vec<String> =
        server.log().iter().map(|r| r.query.get("method").cloned().unwrap_or_default()).collect();
    let asked = [
        "userAuthorization",
        "getUserProfile",
        "getRegistrationFields",
        "userChangeProfile",
        "userLogout",
        "getRestoreFields",
        "userRestorePassword",
    ];
    for expected in asked {
        assert!(methods.iter().any(|m| m == expected), "{expected} never asked: {methods:?}");
    }
    let module_has = ["getNewCode", "verifyData", "userRegistration", "userOrderHistory"];
    for m in &methods {
        assert!(
            asked.contains(&m.as_str()) || module_has.contains(&m.as_str()),
            "a method the module does not have: {m}"
        );
    }
    let deletes =
        server.requests_to(Endpoint::Auth).iter().filter(|r| r.method == "DELETE").count();
    assert_eq!(deletes, 0, "sign-out is userLogout, never DELETE on userAuthorization");
    assert!(!b.crashed().await);
    b.close().await;
}
