//! The words of `demo`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::Words;

pub struct Phrases {
    pub demo_mode: &'static str,
    pub demo_sign_in_as: &'static str,
    pub demo_password: &'static str,
    pub demo_last_code: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        demo_mode:
            "Демо-режим: сервер магазина не подключён, все данные хранятся только в этом браузере.",
        demo_sign_in_as: "Войдите как",
        demo_password: "пароль",
        demo_last_code: "Последний отправленный код:",
    },
    en: Phrases {
        demo_mode: "Demo mode: no shop server is connected; everything stays in this browser.",
        demo_sign_in_as: "Sign in as",
        demo_password: "password",
        demo_last_code: "Last code sent:",
    },
};
