//! The words of `shared/forms`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::Words;

pub struct Phrases {
    pub form_load_failed: &'static str,
    pub problem_email: &'static str,
    pub problem_phone: &'static str,
    pub problem_number: &'static str,
    pub problem_date: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        form_load_failed: "Не удалось загрузить форму.",
        problem_email: "Введите e-mail в формате name@example.ru",
        problem_phone: "Введите номер телефона, например +7 916 123-45-67",
        problem_number: "Введите число",
        problem_date: "Выберите дату",
    },
    en: Phrases {
        form_load_failed: "Couldn't load the form.",
        problem_email: "Enter an e-mail address like name@example.com",
        problem_phone: "Enter a phone number, for example +7 916 123-45-67",
        problem_number: "Enter a number",
        problem_date: "Choose a date",
    },
};
