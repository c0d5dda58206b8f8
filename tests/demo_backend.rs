//! The demo backend driven through the real client and demo transport, natively: every endpoint,
//! with the same parsing path the browser uses.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicU64, Ordering};

use web_cabinet::core::api::{ApiError, Client, CommonFields, SocialGrant, SocialNetwork};
use web_cabinet::demo::transport::DemoTransport;
use web_cabinet::demo::{DemoBackend, DEMO_LOGIN, DEMO_ORDER_COUNT, DEMO_PASSWORD, RESEND_SECONDS};
use web_cabinet::features::orders::paging::{Ending, PageRequest, Paging};
use web_cabinet::features::profile::wire::{ProfileField, Verification};
use web_cabinet::shared::forms::login_field::login_field;

static CLOCK: AtomicU64 = AtomicU64::new(1_700_000_000_000);

fn now() -> u64 {
    CLOCK.load(Ordering::SeqCst)
}

fn advance(seconds: u64) {
    CLOCK.fetch_add(seconds * 1000, Ordering::SeqCst);
}

/// A client of a freshly seeded demo backend, and the backend's outbox.
struct DemoClient {
    client: Client,
    demo: DemoTransport,
}

impl std::ops::Deref for DemoClient {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

fn client(locale: &str) -> DemoClient {
    let demo = DemoTransport::new(DemoBackend::seeded(), now, None);
    let client = Client::new(
        demo.transport(),
        CommonFields {
            app_id: "123456".into(),
            platform: "web".into(),
            locale: locale.into(),
            ..CommonFields::default()
        },
    );
    DemoClient { client, demo }
}

fn rejection(e: ApiError) -> web_cabinet::core::api::Rejection {
    match e {
        ApiError::Rejected(r) => r,
        other => panic!("expected a rejection, got {other:?}"),
    }
}

fn last_code(c: &DemoClient) -> String {
    c.demo.last_code().map(|c| c.code).expect("a code was sent")
}

#[tokio::test]
async fn registration_fields_describe_the_demo_form() {
    let c = client("en_US");
    let fields = c.registration_fields().await.unwrap();
    let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["name", "email", "phone", "password"]);
    assert_eq!(login_field(&fields).map(|f| f.id.as_str()), Some("email"));
    let phone = &fields[2];
    assert!(phone.need_verification);
    assert_eq!(phone.time, Some(RESEND_SECONDS));
    assert_eq!(fields[1].label(), "E-mail");
    let ru = client("ru_RU").registration_fields().await.unwrap();
    assert_eq!(ru[1].label(), "Электронная почта");
}

#[tokio::test]
async fn sign_in_profile_orders_sign_out() {
    let c = client("ru_RU");
    let err = c.sign_in(DEMO_LOGIN, "wrong").await.unwrap_err();
    assert_eq!(rejection(err).message.as_deref(), Some("Неверный логин или пароль."));

    let token = c.sign_in(&DEMO_LOGIN.to_uppercase(), DEMO_PASSWORD).await.unwrap();
    let profile = c.profile(&token).await.unwrap();
    assert_eq!(profile.name(), Some("Анна Смирнова"));
    // Every block type the API defines, none unknown.
    let kinds: Vec<&str> = profile
        .fields
        .iter()
        .map(|f| match f {
            ProfileField::Name { .. } => "name",
            ProfileField::ImageAction { .. } => "image_action",
            ProfileField::TitleText(_) => "title_text",
            ProfileField::Text { .. } => "text",
            ProfileField::ActionRow { .. } => "action",
            ProfileField::Bonus { .. } => "bonus",
            ProfileField::Barcode { .. } => "barcode",
            ProfileField::Separator { .. } => "separator",
            ProfileField::Unknown { .. } => "unknown",
        })
        .collect();
    for kind in
        ["name", "image_action", "title_text", "text", "action", "bonus", "barcode", "separator"]
    {
        assert!(kinds.contains(&kind), "no {kind} block in {kinds:?}");
    }
    assert!(!kinds.contains(&"unknown"));
    assert!(profile.bonus.is_some() && profile.discount.is_some());

    // Paging as the cabinet pages: 137 orders in all, no duplicates.
    let mut ids = Vec::new();
    let mut paging = Paging::new(20);
    while let Some(req) = paging.next_request() {
        let page = c.orders(&token, &req).await.unwrap();
        ids.extend(paging.accept(page.orders).into_iter().map(|o| o.id));
    }
    assert_eq!(paging.ending(), Some(Ending::Complete));
    assert_eq!(ids.len(), DEMO_ORDER_COUNT as usize);
    // Contact keeps the server's key order (not alphabetical).
    let first = c.orders(&token, &PageRequest { offset: "00".into(), limit: 1 }).await.unwrap();
    let keys: Vec<&str> = first.orders[0].contact.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["ФИО", "Телефон", "Адрес"]);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), DEMO_ORDER_COUNT as usize);

    c.sign_out(&token).await.unwrap();
    assert_eq!(
        c.profile(&token).await,
        Err(ApiError::SessionOver),
        "not_authorized after sign-out"
    );
    assert_eq!(c.sign_out(&token).await, Err(ApiError::SessionOver));
}

#[tokio::test]
async fn registration_with_phone_verification() {
    let c = client("en_US");
    let values = |email: &str, phone: &str| {
        vec![
            ("name".to_string(), "Ivan".to_string()),
            ("email".to_string(), email.to_string()),
            ("phone".to_string(), phone.to_string()),
            ("password".to_string(), "secret1".to_string()),
        ]
    };
    // Taken e-mail and a bad phone: errors tied to their fields.
    let r = rejection(c.register(&values(DEMO_LOGIN, "12")).await.unwrap_err());
    assert_eq!(r.for_field("email"), Some("This e-mail is already registered."));
    assert_eq!(r.for_field("phone"), Some("Not a valid phone number"));

    let phone = "+7 999 111-22-33";
    assert_eq!(
        c.register(&values("ivan@example.com", phone)).await,
        Err(ApiError::VerificationRequired)
    );
    let code = last_code(&c);

    // Resend is refused until the countdown is over, then works with a new code.
    let r = rejection(c.resend_code("phone", phone, None).await.unwrap_err());
    assert!(r.message.unwrap_or_default().starts_with("A new code can be sent in"));
    let wrong = if code == "0000" { "1111" } else { "0000" };
    let r = rejection(c.verify("phone", phone, wrong, None).await.unwrap_err());
    assert_eq!(r.message.as_deref(), Some("Wrong code"));
    advance(u64::from(RESEND_SECONDS));
    c.resend_code("phone", phone, None).await.unwrap();
    let fresh = last_code(&c);
    let token = c.verify("phone", phone, &fresh, None).await.unwrap().expect("a token");
    assert_eq!(c.profile(&token).await.unwrap().name(), Some("Ivan"));
    // The new customer can sign in by phone number too.
    assert!(c.sign_in("8 999 111 22 33", "secret1").await.is_ok());
    // No pending verification left: what real servers answer then is `[]`.
    assert!(matches!(c.verify("phone", phone, &fresh, None).await, Err(ApiError::Protocol(_))));
}

#[tokio::test]
async fn profile_changes_and_phone_verification() {
    let c = client("en_US");
    let token = c.sign_in(DEMO_LOGIN, DEMO_PASSWORD).await.unwrap();
    c.change_fields(&token, &[("name".into(), "Anna S.".into())]).await.unwrap();
    assert_eq!(c.profile(&token).await.unwrap().name(), Some("Anna S."));
    // An empty value is sent as it is (it clears the field); the demo, like a shop, refuses to
    // clear a value it requires. (The profile screen stops an empty required value before
    // sending.)
    let r = rejection(c.change_fields(&token, &[("name".into(), " ".into())]).await.unwrap_err());
    assert_eq!(r.message.as_deref(), Some("The name cannot be empty"));
    c.change_fields(&token, &[("city".into(), String::new())]).await.unwrap();
    let city = c.profile(&token).await.unwrap();
    let cleared = city.fields.iter().any(|f| {
        matches!(f, ProfileField::TitleText(v) if v.id == "city" && v.value.as_deref() == Some(""))
    });
    assert!(cleared, "the city is cleared");
    assert_eq!(
        c.change_fields(&token, &[("phone".into(), "+79990000000".into())]).await,
        Err(ApiError::VerificationRequired)
    );
    let code = last_code(&c);
    assert_eq!(c.verify("phone", "+79990000000", &code, Some(&token)).await, Ok(None));
    let profile = c.profile(&token).await.unwrap();
    let phone = profile.fields.iter().find_map(|f| match f {
        ProfileField::TitleText(v) if v.id == "phone" => Some(v.clone()),
        _ => None,
    });
    let phone = phone.expect("phone block");
    assert_eq!(phone.value.as_deref(), Some("+79990000000"));
    assert_eq!(phone.verification, Verification::Confirmed);
}

#[tokio::test]
async fn recovery_and_social_sign_in() {
    let c = client("en_US");
    let fields = c.recovery_fields().await.unwrap();
    assert_eq!(fields.len(), 1);
    let r =
        rejection(c.recover(&[("email".into(), "nobody@example.com".into())]).await.unwrap_err());
    assert_eq!(r.for_field("email"), Some("No customer has this e-mail"));
    let message = c.recover(&[("email".into(), DEMO_LOGIN.into())]).await.unwrap();
    assert!(message.unwrap_or_default().contains(DEMO_LOGIN));

    let grant = SocialGrant {
        network: SocialNetwork::Vkontakte,
        access_token: "vk-token".into(),
        internal_id: Some("49539579".into()),
    };
    let first = c.sign_in_social(&grant).await.unwrap();
    let again = c.sign_in_social(&grant).await.unwrap();
    assert_eq!(c.profile(&first).await.unwrap().name(), c.profile(&again).await.unwrap().name());
    let anna = c.sign_in(DEMO_LOGIN, DEMO_PASSWORD).await.unwrap();
    let ok_grant =
        SocialGrant { network: SocialNetwork::Ok, access_token: "ok-1".into(), internal_id: None };
    c.refresh_social_token(&anna, &ok_grant).await.unwrap();
    let via_ok = c.sign_in_social(&ok_grant).await.unwrap();
    assert_eq!(c.profile(&via_ok).await.unwrap().name(), Some("Анна Смирнова"));
}

#[test]
fn state_survives_save_and_load() {
    let backend = DemoBackend::seeded();
    let saved = backend.save();
    assert_eq!(DemoBackend::load(&saved), Some(backend));
    assert_eq!(DemoBackend::load("{\"version\":999}"), None);
    assert_eq!(DemoBackend::load("not json"), None);
}
