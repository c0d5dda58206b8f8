//! The words of `shared/code_step`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::{quoted, Words};
use crate::core::logic::locale::Lang;

pub struct Phrases {
    pub code_title: &'static str,
    pub code_sent_to: &'static str,
    pub code_default_prompt: &'static str,
    pub confirm: &'static str,
    pub resend: &'static str,
    pub resent: &'static str,
    pub code_available: &'static str,
    pub code_session_lost: &'static str,
    pub wrong_code_fallback: &'static str,
    pub code_not_accepted: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        code_title: "Подтверждение",
        code_sent_to: "Код отправлен на",
        code_default_prompt: "Введите код из сообщения",
        confirm: "Подтвердить",
        resend: "Отправить код ещё раз",
        resent: "Новый код отправлен.",
        code_available: "Можно запросить новый код.",
        code_session_lost: "Не удалось подтвердить, начните регистрацию заново.",
        wrong_code_fallback: "Неверный код",
        code_not_accepted: "Код не принят. Проверьте его или запросите новый.",
    },
    en: Phrases {
        code_title: "Confirmation",
        code_sent_to: "The code was sent to",
        code_default_prompt: "Enter the code from the message",
        confirm: "Confirm",
        resend: "Send the code again",
        resent: "A new code is on its way.",
        code_available: "You can ask for a new code now.",
        code_session_lost: "Couldn't confirm: please start the registration again.",
        wrong_code_fallback: "Wrong code",
        code_not_accepted: "The code was not accepted. Check it or ask for a new one.",
    },
};

impl Phrases {
    /// "Send again in m:ss".
    pub fn resend_in(&self, clock: &str, lang: Lang) -> String {
        match lang {
            Lang::Ru => format!("Отправить снова через {clock}"),
            Lang::En => format!("Send again in {clock}"),
        }
    }

    /// "Change «Phone»": back to the form to correct the value a code went to.
    pub fn change_value(&self, title: &str, lang: Lang) -> String {
        match lang {
            Lang::Ru => format!("Изменить {}", quoted(title, lang)),
            Lang::En => format!("Change {}", quoted(title, lang)),
        }
    }

    /// "Step 1 of 2", when more than one value needs a code.
    pub fn step_of(&self, step: usize, total: usize, lang: Lang) -> String {
        match lang {
            Lang::Ru => format!("Шаг {step} из {total}"),
            Lang::En => format!("Step {step} of {total}"),
        }
    }
}
