//! Every UI string, in Russian and English.
//!
//! One struct with a field per string and one constant per language (`ru.rs`, `en.rs`): a string
//! missing in either language is a compile error, and nothing is looked up at run time by a key
//! that might not exist. Sentences built around a value (a count, a title, a clock) are methods
//! in `phrases.rs`; numbers, dates and plural forms in them come from the browser (`intl`).
//! (leptos_i18n would do the same with more machinery and more bytes.)

mod en;
mod phrases;
mod ru;

use leptos::prelude::*;

use crate::core::logic::locale::Lang;

pub struct Strings {
    pub app_title: &'static str,
    pub language: &'static str,
    pub loading: &'static str,
    pub demo_mode: &'static str,
    pub demo_sign_in_as: &'static str,
    pub demo_password: &'static str,
    pub demo_last_code: &'static str,
    pub sign_in_title: &'static str,
    pub login_fallback_label: &'static str,
    pub password: &'static str,
    pub show_password: &'static str,
    pub hide_password: &'static str,
    pub show_code: &'static str,
    pub hide_code: &'static str,
    pub orders_failed: &'static str,
    pub not_set_up: &'static str,
    pub refused_no_reason: &'static str,
    pub barcode_failed: &'static str,
    pub show: &'static str,
    pub hide: &'static str,
    pub stay_signed_in: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub required: &'static str,
    pub session_ended: &'static str,
    pub signed_out: &'static str,
    pub signed_out_unconfirmed: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_server: &'static str,
    pub error_protocol: &'static str,
    pub error_rejected: &'static str,
    pub error_verification: &'static str,
    pub retry: &'static str,
    pub profile_title: &'static str,
    pub profile_load_failed: &'static str,
    pub verified: &'static str,
    pub not_verified: &'static str,
    pub bonus_balance: &'static str,
    pub discount: &'static str,
    pub barcode_alt: &'static str,
    pub avatar_alt: &'static str,
    pub sign_out: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub go_home: &'static str,
    pub config_error_title: &'static str,
    pub config_error_hint: &'static str,
    pub config_load_failed: &'static str,
    pub skip_to_content: &'static str,
    pub register_title: &'static str,
    pub register_link: &'static str,
    pub have_account: &'static str,
    pub register_submit: &'static str,
    pub sending: &'static str,
    pub form_load_failed: &'static str,
    pub registration_unavailable: &'static str,
    pub problem_email: &'static str,
    pub problem_phone: &'static str,
    pub problem_number: &'static str,
    pub problem_date: &'static str,
    pub required_hint: &'static str,
    pub choose: &'static str,
    pub code_title: &'static str,
    pub code_sent_to: &'static str,
    pub code_label: &'static str,
    pub code_default_prompt: &'static str,
    pub confirm: &'static str,
    pub checking: &'static str,
    pub resend: &'static str,
    pub resent: &'static str,
    pub code_available: &'static str,
    pub code_session_lost: &'static str,
    pub registered_sign_in: &'static str,
    pub wrong_code_fallback: &'static str,
    pub recover_title: &'static str,
    pub recover_unavailable: &'static str,
    pub recover_link: &'static str,
    pub recover_intro: &'static str,
    pub recover_submit: &'static str,
    pub recover_done_fallback: &'static str,
    pub back_to_sign_in: &'static str,
    pub email_label: &'static str,
    pub social_or: &'static str,
    pub oauth_state_mismatch: &'static str,
    pub oauth_cancelled: &'static str,
    pub oauth_no_token: &'static str,
    pub oauth_working: &'static str,
    pub social_linked: &'static str,
    pub social_title: &'static str,
    pub to_profile: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub confirm_value: &'static str,
    pub show_at_till: &'static str,
    pub close: &'static str,
    pub card_title: &'static str,
    pub opens_new_tab: &'static str,
    pub open_link: &'static str,
    pub till_hint: &'static str,
    /// The profile could not be loaded for want of a network: the kept card stands in.
    pub offline_title: &'static str,
    pub offline_hint: &'static str,
    pub card_not_live: &'static str,
    /// The profile is slow to come: the kept card meanwhile.
    pub waiting_title: &'static str,
    pub waiting_hint: &'static str,
    pub barcode_not_kept: &'static str,
    pub keep_card: &'static str,
    pub orders_title: &'static str,
    pub no_orders: &'static str,
    pub go_shopping: &'static str,
    pub show_more: &'static str,
    pub loading_more: &'static str,
    pub page_failed: &'static str,
    pub order_not_found: &'static str,
    pub send_new_code: &'static str,
    pub enter_code: &'static str,
    pub change_not_applied: &'static str,
    pub code_not_accepted: &'static str,
    pub error_server_failed: &'static str,
    pub order_not_found_unsure: &'static str,
    pub orders_shown_so_far: &'static str,
    pub back_to_orders: &'static str,
    pub contact: &'static str,
    pub payment: &'static str,
    pub delivery: &'static str,
    pub items: &'static str,
    pub total: &'static str,
    pub delivery_cost: &'static str,
    pub bonuses_used: &'static str,
    pub item: &'static str,
    pub qty: &'static str,
    pub price: &'static str,
    pub line_total: &'static str,
    pub payment_status: &'static str,
    pub nav_profile: &'static str,
    pub nav_orders: &'static str,
    pub nav_label: &'static str,
    pub status_label: &'static str,
    pub orders_loaded_all: &'static str,
    pub date_label: &'static str,
}

impl Strings {
    pub fn of(lang: Lang) -> &'static Strings {
        match lang {
            Lang::Ru => &ru::RU,
            Lang::En => &en::EN,
        }
    }
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The strings of the current language (tracked: views re-render on a switch).
    pub fn t(&self) -> &'static Strings {
        Strings::of(self.lang.get())
    }
}

/// The language context, provided by `app::Boot` before anything is drawn; a view outside it is
/// a programming error and panics (the panic screen shows) rather than drawing in a default.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A title in the language's quotation marks.
pub(crate) fn quoted(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("«{title}»"),
        Lang::En => format!("“{title}”"),
    }
}
