//! Sentences built around a value: counts, titles, clocks, errors.

use super::{quoted, Strings};
use crate::core::api::ApiError;
use crate::core::intl::{self, Plural};
use crate::core::logic::locale::Lang;
use crate::core::logic::read_failure::ReadFailure;

/// The word for goods after a count of plural form `form`. Russian fractions (CLDR "other")
/// take the genitive singular: "2,5 товара", like "2 товара".
fn goods_word(form: Plural, lang: Lang) -> &'static str {
    match (lang, form) {
        (Lang::Ru, Plural::One) => "товар",
        (Lang::Ru, Plural::Few | Plural::Other) => "товара",
        (Lang::Ru, _) => "товаров",
        (Lang::En, Plural::One) => "item",
        (Lang::En, _) => "items",
    }
}

impl Strings {
    /// "Up to N % of an order can be paid with bonuses".
    pub fn bonus_share(&self, share: f64, lang: Lang) -> String {
        // `Intl` writes the per cent sign as the language does ("14 %" with a no-break space).
        let pct = intl::percent(share, lang);
        match lang {
            Lang::Ru => format!("Бонусами можно оплатить до {pct} заказа"),
            Lang::En => format!("Up to {pct} of an order can be paid with bonuses"),
        }
    }

    /// "5 items" / "5 товаров", "0.5 товара": the count as the language writes numbers, the
    /// plural form the browser's (`Intl.PluralRules`).
    pub fn goods_count(&self, n: f64, lang: Lang) -> String {
        format!("{} {}", intl::number(n, lang), goods_word(intl::plural(n, lang), lang))
    }

    /// "Card as of 2 December 2026, 10:15", in the customer's time zone.
    pub fn card_as_of(&self, saved_at_ms: f64, lang: Lang) -> String {
        let when = intl::moment(saved_at_ms, lang);
        match lang {
            Lang::Ru => format!("Карта по состоянию на {when}"),
            Lang::En => format!("Card as of {when}"),
        }
    }

    /// "Send again in m:ss".
    pub fn resend_in(&self, clock: &str, lang: Lang) -> String {
        match lang {
            Lang::Ru => format!("Отправить снова через {clock}"),
            Lang::En => format!("Send again in {clock}"),
        }
    }

    /// "Edit «Phone»": the accessible name of a profile value's edit button; it starts with the
    /// button's visible text (WCAG 2.5.3, label in name).
    pub fn edit_value(&self, title: &str, lang: Lang) -> String {
        format!("{} {}", self.edit, quoted(title, lang))
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

    /// A social network's name as customers know it.
    pub fn network_name(
        &self,
        network: crate::core::api::SocialNetwork,
        lang: Lang,
    ) -> &'static str {
        use crate::core::api::SocialNetwork::*;
        match (network, lang) {
            (Vkontakte, Lang::Ru) => "ВКонтакте",
            (Vkontakte, Lang::En) => "VK",
            (Ok, Lang::Ru) => "Одноклассники",
            (Ok, Lang::En) => "OK",
            (Facebook, _) => "Facebook",
            (Instagram, _) => "Instagram",
        }
    }

    /// "Sign in with VK" / "Connect VK".
    pub fn social_action(&self, name: &str, connect: bool, lang: Lang) -> String {
        match (lang, connect) {
            (Lang::Ru, false) => format!("Войти через {name}"),
            (Lang::Ru, true) => format!("Привязать {name}"),
            (Lang::En, false) => format!("Sign in with {name}"),
            (Lang::En, true) => format!("Connect {name}"),
        }
    }

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

    pub fn order_number(&self, id: &str, lang: Lang) -> String {
        let (word, number) = self.order_number_parts(id, lang);
        format!("{word}{number}")
    }

    /// "Заказ № 12" as the word and the number: a narrow order list drops the word from sight
    /// (screen readers keep it) so that the number, which customers quote, shows whole.
    pub fn order_number_parts(&self, id: &str, lang: Lang) -> (&'static str, String) {
        match lang {
            Lang::Ru => ("Заказ ", format!("№ {id}")),
            Lang::En => ("Order ", format!("#{id}")),
        }
    }

    /// What a failed read says under `lead` ("Couldn't load your orders."): the server's own
    /// refusal as it wrote it (never "check what you entered": the customer entered nothing), or
    /// what went wrong; and, when the same refusal came back, that trying again will not help.
    pub fn read_failure(&self, lead: &str, failure: &ReadFailure) -> Vec<String> {
        match &failure.error {
            ApiError::Rejected(r) => {
                let said = r.message.clone().or_else(|| r.form_level(&[]).into_iter().next());
                let mut lines =
                    vec![lead.to_string(), said.unwrap_or_else(|| self.refused_no_reason.into())];
                if failure.repeated {
                    lines.push(self.not_set_up.into());
                }
                lines
            }
            other => vec![format!("{lead} {}", self.api_error(other))],
        }
    }

    /// What to tell the customer about an error that is not a field-level rejection.
    pub fn api_error(&self, err: &ApiError) -> &'static str {
        match err {
            ApiError::Network => self.error_network,
            ApiError::Timeout => self.error_timeout,
            ApiError::Http { .. } => self.error_server,
            ApiError::Protocol(_) => self.error_protocol,
            ApiError::ServerFailed => self.error_server_failed,
            ApiError::SessionOver => self.session_ended,
            ApiError::Rejected(_) => self.error_rejected,
            ApiError::VerificationRequired => self.error_verification,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goods_take_the_form_of_their_count() {
        // The forms Intl.PluralRules gives: ru 1 → one, 3 → few, 5 → many, 2.5 → other.
        assert_eq!(goods_word(Plural::One, Lang::Ru), "товар");
        assert_eq!(goods_word(Plural::Few, Lang::Ru), "товара");
        assert_eq!(goods_word(Plural::Many, Lang::Ru), "товаров");
        assert_eq!(goods_word(Plural::Other, Lang::Ru), "товара", "2,5 товара");
        assert_eq!(goods_word(Plural::One, Lang::En), "item");
        assert_eq!(goods_word(Plural::Other, Lang::En), "items");
    }
}
