//! The words of `features/recovery`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::Words;

pub struct Phrases {
    pub recover_title: &'static str,
    pub recover_unavailable: &'static str,
    pub recover_intro: &'static str,
    pub recover_submit: &'static str,
    pub recover_done_fallback: &'static str,
    pub email_label: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        recover_title: "Восстановление пароля",
        recover_unavailable: "Восстановление пароля здесь недоступно: обратитесь в магазин.",
        recover_intro: "Укажите данные, с которыми вы регистрировались, — мы пришлём инструкцию.",
        recover_submit: "Восстановить пароль",
        recover_done_fallback: "Запрос отправлен. Проверьте почту или SMS.",
        email_label: "Электронная почта",
    },
    en: Phrases {
        recover_title: "Reset your password",
        recover_unavailable: "Password recovery is not available here: please contact the shop.",
        recover_intro: "Enter the details you registered with and we'll send you instructions.",
        recover_submit: "Reset password",
        recover_done_fallback: "Request sent. Check your e-mail or text messages.",
        email_label: "E-mail",
    },
};
