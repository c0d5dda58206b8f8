//! The i18n mechanism and the words several floors share, in Russian and English; what only
//! one feature says is that feature's own (`phrases.rs` beside it, a [`Words`] table).
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
    pub show_password: &'static str,
    pub hide_password: &'static str,
    pub show_code: &'static str,
    pub hide_code: &'static str,
    pub not_set_up: &'static str,
    pub refused_no_reason: &'static str,
    pub show: &'static str,
    pub hide: &'static str,
    pub sign_in: &'static str,
    pub required: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_server: &'static str,
    pub error_protocol: &'static str,
    pub error_rejected: &'static str,
    pub error_verification: &'static str,
    pub retry: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub go_home: &'static str,
    pub config_error_title: &'static str,
    pub config_error_hint: &'static str,
    pub config_load_failed: &'static str,
    /// The whole cabinet's files did not download after a sign-in (`app::signed_in_bundle`).
    pub cabinet_load_failed: &'static str,
    pub sending: &'static str,
    pub choose: &'static str,
    pub checking: &'static str,
    pub back_to_sign_in: &'static str,
    pub cancel: &'static str,
    pub error_server_failed: &'static str,
    pub nav_profile: &'static str,
    pub nav_orders: &'static str,
    pub nav_label: &'static str,
    pub session_ended: &'static str,
}

impl Strings {
    pub fn of(lang: Lang) -> &'static Strings {
        match lang {
            Lang::Ru => &ru::RU,
            Lang::En => &en::EN,
        }
    }
}

/// A floor's own words in both languages (`features/<feature>/phrases.rs` and the like): each
/// feature declares what it says, and the words several floors share stay in [`Strings`].
pub struct Words<T: 'static> {
    pub ru: T,
    pub en: T,
}

impl<T> Words<T> {
    pub fn of(&'static self, lang: Lang) -> &'static T {
        match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
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

    /// A floor's own words in the current language (tracked).
    pub fn of<T>(&self, words: &'static Words<T>) -> &'static T {
        words.of(self.lang.get())
    }
}

/// The language context, provided by `app::Boot` before anything is drawn; a view outside it is
/// a programming error and panics (the panic screen shows) rather than drawing in a default.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A title in the language's quotation marks.
pub fn quoted(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("«{title}»"),
        Lang::En => format!("“{title}”"),
    }
}
