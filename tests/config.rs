//! `cabinet.json` parsing: defaults, demo selection, URL resolution, and errors that name the key.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use web_cabinet::core::api::Endpoint;
use web_cabinet::core::config::{ApiConfig, Config, Lang, TokenStorage};

const AT: &str = "https://shop.example/lk/cabinet.json";

fn key_of(text: &str) -> String {
    Config::parse(text, AT).unwrap_err().key
}

fn full_api() -> serde_json::Value {
    serde_json::json!({
        "regFields_url": "/api/m.php?method=getRegistrationFields",
        "registration_url": "/api/m.php?method=userRegistration",
        "auth_url": "/api/m.php?method=userAuthorization",
        "verification_url": "/api/m.php?method=verifyData",
        "verification_repeat_url": "/api/m.php?method=getNewCode",
        "profile_url": "profile.php",
        "verification_change_url": "https://api.shop.example/change",
        "order_list_url": "/api/m.php?method=userOrderHistory"
    })
}

#[test]
fn no_api_or_demo_means_the_demo_backend() {
    assert_eq!(Config::parse("{}", AT).unwrap().api, ApiConfig::Demo);
    assert_eq!(Config::parse(r#"{"api":"demo"}"#, AT).unwrap().api, ApiConfig::Demo);
    let d = Config::parse("{}", AT).unwrap();
    assert_eq!(d.platform, "web");
    assert_eq!(d.orders_page_size, 20);
    assert_eq!(d.request_timeout_ms, 15_000);
    assert_eq!(d.token_storage, TokenStorage::Session);
    assert_eq!(d.currency, "RUB");
}

#[test]
fn the_shipped_configs_are_valid() {
    let root = env!("CARGO_MANIFEST_DIR");
    let demo = std::fs::read_to_string(format!("{root}/public/cabinet.json")).unwrap();
    assert_eq!(Config::parse(&demo, AT).unwrap().api, ApiConfig::Demo);
    let example = std::fs::read_to_string(format!("{root}/public/cabinet.example.json")).unwrap();
    assert!(matches!(Config::parse(&example, AT).unwrap().api, ApiConfig::Http(_)));
}

#[test]
fn relative_urls_resolve_against_the_config_and_defaults_apply() {
    let text =
        serde_json::json!({ "api": full_api(), "locale": "en_US", "token_storage": "local" });
    let cfg = Config::parse(&text.to_string(), AT).unwrap();
    let ApiConfig::Http(urls) = &cfg.api else { panic!("expected http") };
    assert_eq!(urls.get(Endpoint::Profile), Some("https://shop.example/lk/profile.php"));
    assert_eq!(
        urls.get(Endpoint::OrderList),
        Some("https://shop.example/api/m.php?method=userOrderHistory")
    );
    assert_eq!(urls.get(Endpoint::ChangeFields), Some("https://api.shop.example/change"));
    // The digest's defaults for the keys the original document wrote as copies of others.
    assert_eq!(urls.get(Endpoint::Logout), urls.get(Endpoint::Auth));
    assert_eq!(urls.get(Endpoint::TokenRefresh), urls.get(Endpoint::VerificationRepeat));
    assert_eq!(urls.get(Endpoint::RecoveryFields), urls.get(Endpoint::RegFields));
    // No recovery URL, no recovery: the registration URL the document writes in its place
    // would take a recovery form for a registration.
    assert_eq!(urls.get(Endpoint::Recovery), None);
    assert!(!cfg.offers_recovery());
    assert_eq!(cfg.locale, Some(Lang::En));
    assert_eq!(cfg.token_storage, TokenStorage::Local);
}

#[test]
fn errors_name_the_key() {
    let mut api = full_api();
    api["profile_url"] = "javascript:alert(1)".into();
    assert_eq!(key_of(&serde_json::json!({ "api": api }).to_string()), "api.profile_url");
    let mut api = full_api();
    api.as_object_mut().unwrap().remove("order_list_url");
    assert_eq!(key_of(&serde_json::json!({ "api": api }).to_string()), "api.order_list_url");
    let mut api = full_api();
    api["auth_url"] = "not a url".into();
    assert_eq!(key_of(&serde_json::json!({ "api": api }).to_string()), "api.auth_url");
    assert_eq!(key_of(r#"{"token_storage":"cookie"}"#), "token_storage");
    assert_eq!(key_of(r#"{"api":42}"#), "api");
    assert_eq!(key_of(r#"{"appId":"abc"}"#), "appId");
    assert_eq!(key_of(r#"{"orders_page_size":0}"#), "orders_page_size");
    assert_eq!(key_of(r#"{"request_timeout_ms":"fast"}"#), "request_timeout_ms");
    assert_eq!(key_of(r#"{"locale":"de_DE"}"#), "locale");
    assert_eq!(key_of(r#"{"currency":"rubles"}"#), "currency");
    assert_eq!(
        key_of(r#"{"actions":{"openProduct":"javascript:alert(1)//{param}"}}"#),
        "actions.openProduct"
    );
    assert_eq!(key_of(r#"{"social":{"myspace":{}}}"#), "social.myspace");
    assert_eq!(
        key_of(r#"{"social":{"vkontakte":{"authorize_url":"https://oauth.vk.com/authorize"}}}"#),
        "social.vkontakte.client_id"
    );
    assert_eq!(key_of("{not json"), "cabinet.json");
    assert_eq!(key_of("[]"), "cabinet.json");
}

#[test]
fn app_id_and_templates() {
    let cfg = Config::parse(
        r#"{"appId": 749356, "actions": {"openProduct": "/product/{param}"}, "social": {"vkontakte": {"authorize_url": "https://oauth.vk.com/authorize", "client_id": "51234"}}}"#,
        AT,
    )
    .unwrap();
    assert_eq!(cfg.app_id.as_deref(), Some("749356"));
    assert_eq!(
        cfg.actions,
        [("openProduct".to_string(), "https://shop.example/product/{param}".to_string())]
    );
    assert_eq!(cfg.social.len(), 1);
    assert_eq!(cfg.catalog_url(), None, "no openCatalog screen: no catalogue link");
}

#[test]
fn the_catalogue_is_the_open_catalog_screen() {
    let cfg = Config::parse(r#"{"actions": {"openCatalog": "/catalog/{param}"}}"#, AT).unwrap();
    assert_eq!(cfg.catalog_url().as_deref(), Some("https://shop.example/catalog/"));
}

#[test]
fn offline_is_on_unless_turned_off() {
    assert!(Config::parse("{}", AT).unwrap().offline, "the worker by default");
    assert!(!Config::parse(r#"{"offline":false}"#, AT).unwrap().offline);
    assert!(Config::parse(r#"{"offline":true}"#, AT).unwrap().offline);
    assert_eq!(key_of(r#"{"offline":"no"}"#), "offline");
    // The install settings are the build's (the manifest); the cabinet lets them be.
    assert!(Config::parse(r#"{"install":{"name":"Shop"}}"#, AT).is_ok());
}

#[test]
fn the_published_module_is_one_line() {
    let text = r#"{"api": {"preset": "mobium-bitrix", "base": "/api/mobium.php"}}"#;
    let ApiConfig::Http(urls) = Config::parse(text, AT).unwrap().api else { panic!("http") };
    let method = |e: Endpoint| {
        let url = urls.get(e).unwrap_or_else(|| panic!("{e:?} has no URL"));
        let rest = url.strip_prefix("https://shop.example/api/mobium.php?method=");
        rest.unwrap_or_else(|| panic!("{e:?}: {url}")).to_string()
    };
    // The module's own method names (the old example's changeUserFields and restorePassword
    // are answered "method does not exist").
    for (e, name) in [
        (Endpoint::RegFields, "getRegistrationFields"),
        (Endpoint::Registration, "userRegistration"),
        (Endpoint::Auth, "userAuthorization"),
        (Endpoint::Verification, "verifyData"),
        (Endpoint::VerificationRepeat, "getNewCode"),
        (Endpoint::RecoveryFields, "getRestoreFields"),
        (Endpoint::Recovery, "userRestorePassword"),
        (Endpoint::Profile, "getUserProfile"),
        (Endpoint::ChangeFields, "userChangeProfile"),
        (Endpoint::OrderList, "userOrderHistory"),
        (Endpoint::Logout, "userLogout"),
    ] {
        assert_eq!(method(e), name, "{e:?}");
    }

    // A key beside the preset wins; an entry script with a query of its own gets '&'.
    let text = r#"{"api": {"preset": "mobium-bitrix", "base": "https://api.shop.example/m.php?v=2",
        "order_list_url": "/orders.php"}}"#;
    let ApiConfig::Http(urls) = Config::parse(text, AT).unwrap().api else { panic!("http") };
    assert_eq!(urls.get(Endpoint::OrderList), Some("https://shop.example/orders.php"));
    assert_eq!(
        urls.get(Endpoint::Auth),
        Some("https://api.shop.example/m.php?v=2&method=userAuthorization")
    );

    assert_eq!(key_of(r#"{"api": {"preset": "mobium-bitrix"}}"#), "api.base");
    assert_eq!(
        key_of(r#"{"api": {"preset": "mobium-bitrix", "base": "ftp://x/m.php"}}"#),
        "api.base"
    );
    assert_eq!(key_of(r#"{"api": {"preset": "bitrix", "base": "/api/mobium.php"}}"#), "api.preset");
}

#[test]
fn the_readme_and_the_example_say_the_same_for_the_published_module() {
    let root = env!("CARGO_MANIFEST_DIR");
    let example = std::fs::read_to_string(format!("{root}/public/cabinet.example.json")).unwrap();
    let example: serde_json::Value = serde_json::from_str(&example).unwrap();
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let preset = serde_json::json!({ "preset": "mobium-bitrix", "base": "/api/mobium.php" });
    assert_eq!(example["api"], preset);
    assert!(
        readme.contains(r#""api": { "preset": "mobium-bitrix", "base": "/api/mobium.php" }"#),
        "the README's merchant steps name the preset as the example does"
    );
}
