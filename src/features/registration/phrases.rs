//! The words of `features/registration`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::Words;
use crate::core::logic::locale::Lang;

pub struct Phrases {
    pub register_title: &'static str,
    pub have_account: &'static str,
    pub register_submit: &'static str,
    pub registration_unavailable: &'static str,
    pub required_hint: &'static str,
    pub send_new_code: &'static str,
    pub enter_code: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        register_title: "Регистрация",
        have_account: "Уже есть аккаунт?",
        register_submit: "Зарегистрироваться",
        registration_unavailable: "Регистрация сейчас недоступна.",
        required_hint: "Поля со звёздочкой (*) обязательны.",
        send_new_code: "Отправить новый код",
        enter_code: "Ввести код",
    },
    en: Phrases {
        register_title: "Create an account",
        have_account: "Already have an account?",
        register_submit: "Create account",
        registration_unavailable: "Registration is not available right now.",
        required_hint: "Fields marked * are required.",
        send_new_code: "Send a new code",
        enter_code: "Enter the code",
    },
};

impl Phrases {
    /// "Order #104511".
    /// The registration form after going back from the code step.
    pub fn awaiting_code(&self, to: &str, lang: Lang) -> String {
        match lang {
            Lang::Ru => format!(
                "Код отправлен на {to}. Магазин уже создал вашу учётную запись, и она ждёт этого кода: \
                 зарегистрировать те же e-mail или телефон ещё раз не получится. Введите код или запросите новый."
            ),
            Lang::En => format!(
                "A code was sent to {to}. The shop has already created your account, and it awaits this code: \
                 the same e-mail or phone cannot be registered again. Enter the code, or ask for a new one."
            ),
        }
    }
}
