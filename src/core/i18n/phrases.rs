//! Sentences built around a value: counts, titles, clocks, setup-check findings, errors.

use super::{quoted, Strings};
use crate::core::api::ApiError;
use crate::core::intl::{self, Plural};
use crate::core::logic::locale::Lang;
use crate::core::logic::read_failure::ReadFailure;
use crate::features::setup_check::diagnose::Finding;

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

    /// A setup-check finding in plain words.
    pub fn finding(&self, f: &Finding, lang: Lang) -> String {
        let ru = lang == Lang::Ru;
        match f {
            Finding::Unreachable => {
                if ru {
                    "Ответа нет: сервер недоступен, адрес неверен или сервер не разрешает запросы с этого адреса (CORS).".into()
                } else {
                    "No answer: the server is down, the URL is wrong, or it does not allow requests from this origin (CORS).".into()
                }
            }
            Finding::TimedOut => {
                if ru {
                    "Сервер не ответил вовремя (request_timeout_ms).".into()
                } else {
                    "The server did not answer in time (request_timeout_ms).".into()
                }
            }
            Finding::HttpStatus(code) => {
                if ru {
                    format!("HTTP-статус {code}: ожидался 200.")
                } else {
                    format!("HTTP status {code}: 200 expected.")
                }
            }
            Finding::Empty => {
                if ru {
                    "Пустой ответ.".into()
                } else {
                    "An empty answer.".into()
                }
            }
            Finding::NotJson { start } => {
                if ru {
                    format!("Ответ не JSON. Он начинается так: {start}")
                } else {
                    format!("The answer is not JSON. It starts: {start}")
                }
            }
            Finding::OutputBeforeJson => {
                if ru {
                    "Перед JSON есть посторонний вывод (предупреждение PHP или BOM). Кабинет его пропускает, но мобильные приложения могут не справиться.".into()
                } else {
                    "Something is printed before the JSON (a PHP warning or a BOM). The cabinet skips it; mobile apps may not.".into()
                }
            }
            Finding::TopLevelArray => {
                if ru {
                    "Ответ — массив [], а не объект со status.".into()
                } else {
                    "The answer is an array [], not an object with status.".into()
                }
            }
            Finding::MissingStatus => {
                if ru {
                    "В ответе нет поля status.".into()
                } else {
                    "The answer has no status field.".into()
                }
            }
            Finding::UnknownStatus(s) => {
                if ru {
                    format!("Неизвестный status: «{s}».")
                } else {
                    format!("Unknown status: “{s}”.")
                }
            }
            Finding::ServerSaidError(Some(m)) => {
                if ru {
                    format!("Сервер ответил ошибкой: {m}")
                } else {
                    format!("The server answered with an error: {m}")
                }
            }
            Finding::ServerSaidError(None) => {
                if ru {
                    "Сервер ответил ошибкой без текста.".into()
                } else {
                    "The server answered with an error and no message.".into()
                }
            }
            Finding::AuthError => {
                if ru {
                    "Сервер ответил auth_error на запрос без токена.".into()
                } else {
                    "The server answered auth_error to a request without a token.".into()
                }
            }
            Finding::ErrorsNotAList => {
                if ru {
                    "data.errors — не массив, как требует документ.".into()
                } else {
                    "data.errors is not an array, as the document requires.".into()
                }
            }
            Finding::NoFields => {
                if ru {
                    "Ответ ok, но в нём нет ни одного поля.".into()
                } else {
                    "The answer is ok but has no fields.".into()
                }
            }
            Finding::BlankTitles(n) => {
                if ru {
                    format!("Полей без названия: {n} (кабинет покажет их id).")
                } else {
                    format!("Fields without a title: {n} (the cabinet shows their id).")
                }
            }
            Finding::NoLoginField => {
                if ru {
                    "Ни одно поле не отмечено isLogin: вход не знает, почта это или телефон.".into()
                } else {
                    "No field is marked isLogin: sign-in cannot tell e-mail from phone.".into()
                }
            }
            Finding::Fields(n) => {
                if ru {
                    format!("Полей: {n}.")
                } else {
                    format!("{n} fields.")
                }
            }
            Finding::WrongCodeAnswered => {
                if ru {
                    "Код, который никто не отправлял, получает ответ в JSON, как и должен.".into()
                } else {
                    "A code no one was sent gets a JSON answer, as it should.".into()
                }
            }
            Finding::CrashAs200 { trace } => {
                let mut text: String = if ru {
                    "Код, который никто не отправлял, роняет сервер, и он отвечает HTTP 200 со страницей вместо JSON \
                     (так делает обработчик ошибок 1С-Битрикс). Кабинет говорит покупателю, что сервер магазина не \
                     справился, на шаге кода — что код не принят, и никогда не показывает эту страницу."
                        .into()
                } else {
                    "A code no one was sent crashes the server, and it answers HTTP 200 with a page instead of JSON \
                     (1C-Bitrix's error handler does this). The cabinet tells the customer the shop's server failed, at \
                     the code step that the code was not accepted, and never shows the page."
                        .into()
                };
                if *trace {
                    text.push_str(if ru {
                        " Страница — отладочная трасса с путями к файлам: выключите debug в exception_handling файла bitrix/.settings.php."
                    } else {
                        " The page is a debugging trace with file paths: turn debug off under exception_handling in bitrix/.settings.php."
                    });
                }
                text
            }
            Finding::OrdersItemOffsets => {
                if ru {
                    "История заказов листается по offset в штуках заказов, как в документе.".into()
                } else {
                    "The order history pages by item offsets, as the document says.".into()
                }
            }
            Finding::OrdersPageIndex { zero_is_default } => {
                let mut text: String = if ru {
                    "Сервер читает offset как номер страницы (пропускает offset × limit заказов)."
                        .into()
                } else {
                    "The server reads offset as a page number (it skips offset × limit orders)."
                        .into()
                };
                if *zero_is_default {
                    text.push_str(if ru {
                        " offset=0 для него значит «не задан» (его умолчания: limit 50, страница 1), поэтому кабинет \
                         начинает с offset=00."
                    } else {
                        " To it offset=0 means \"not given\" (its defaults: limit 50, page 1), so the cabinet starts \
                         with offset=00."
                    });
                }
                text.push_str(if ru {
                    " Кабинет распознаёт это сам по ответам: настраивать ничего не нужно."
                } else {
                    " The cabinet tells this from the answers itself: nothing to configure."
                });
                text
            }
            Finding::OrdersIgnorePaging => {
                if ru {
                    "Сервер присылает всю историю заказов на каждый запрос, не глядя на offset и limit. Кабинет \
                     покажет каждый заказ один раз, но каждый запрос везёт всю историю."
                        .into()
                } else {
                    "The server sends the whole order history for every request, whatever offset and limit say. \
                     The cabinet shows each order once, but every request carries the whole history."
                        .into()
                }
            }
            Finding::OrdersTooFew => {
                if ru {
                    "У этого покупателя меньше трёх заказов: как сервер листает историю, не определить.".into()
                } else {
                    "This customer has fewer than three orders: the paging cannot be told.".into()
                }
            }
            Finding::OrdersNeedSignIn => {
                if ru {
                    "Войдите как покупатель с тремя и более заказами и проверьте снова, чтобы узнать, как сервер листает историю заказов.".into()
                } else {
                    "Sign in as a customer with three or more orders and check again to see how the server pages the order history.".into()
                }
            }
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

    /// The message for a client-side check.
    pub fn problem(&self, p: crate::features::forms::logic::Problem) -> &'static str {
        use crate::features::forms::logic::Problem;
        match p {
            Problem::Required => self.required,
            Problem::Email => self.problem_email,
            Problem::Phone => self.problem_phone,
            Problem::Number => self.problem_number,
            Problem::Date => self.problem_date,
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
