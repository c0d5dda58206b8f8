//! The setup check's words, in Russian and English: kept with the page rather than in the
//! cabinet's own tables, so that the customers' bundle, which has no setup check, carries none
//! of them.

use crate::core::logic::locale::Lang;

/// A name in the language's quotation marks.
fn quoted(name: &str, ru: bool) -> String {
    if ru {
        format!("«{name}»")
    } else {
        format!("“{name}”")
    }
}
use crate::setup_check::diagnose::Finding;

pub struct SetupStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub config: &'static str,
    pub answers: &'static str,
    pub check_again: &'static str,
    pub good: &'static str,
    pub warning: &'static str,
    pub problem: &'static str,
    pub checking: &'static str,
    pub demo: &'static str,
    pub not_set: &'static str,
    pub cors: &'static str,
    pub cors_proxy: &'static str,
}

const RU: SetupStrings = SetupStrings {
    title: "Проверка настройки",
    intro: "Страница для владельца магазина. Кабинет обращается к каждому адресу API, к которому можно обратиться без последствий (поля форм, вход, выход, восстановление пароля, профиль, изменение данных, заказы), отправляет код, которого никто не получал (как сервер отвечает на сбой?), а если вы вошли как покупатель, читает профиль и листает историю заказов — и сообщает, что получил. Регистрацию и новый код он не пробует: они создали бы учётную запись или отправили сообщение.",
    config: "Действующие настройки",
    answers: "Ответы сервера",
    check_again: "Проверить ещё раз",
    good: "В порядке",
    warning: "Работает, но стоит исправить",
    problem: "Не работает",
    checking: "Проверяем…",
    demo: "демо-сервер в этом браузере",
    not_set: "не задано",
    cors: "Если API на другом адресе, его сервер должен отвечать (и на запрос OPTIONS) с заголовками:",
    cors_proxy: "Или отдавайте API с того же адреса, что и кабинет (обратный прокси, см. README).",
};

const EN: SetupStrings = SetupStrings {
    title: "Setup check",
    intro: "For the shop's owner. The cabinet calls every API URL that can be called without side effects (the form fields, sign-in, sign-out, password recovery, the profile, a change, the orders), sends a code no one was sent (how does the server answer a failure?) and, when you are signed in as a customer, reads the profile and pages the order history — and reports what it got. It never tries registration or a new code: they would create an account or send a message.",
    config: "Settings in effect",
    answers: "Server answers",
    check_again: "Check again",
    good: "Fine",
    warning: "Works, but worth fixing",
    problem: "Broken",
    checking: "Checking…",
    demo: "the demo backend in this browser",
    not_set: "not set",
    cors: "If the API is on another origin, its server must answer (OPTIONS requests too) with these headers:",
    cors_proxy: "Or serve the API from the cabinet's own origin (a reverse proxy, see the README).",
};

pub fn strings(lang: Lang) -> &'static SetupStrings {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// A setup-check finding in plain words.
pub fn finding(f: &Finding, lang: Lang) -> String {
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
                "The server reads offset as a page number (it skips offset × limit orders).".into()
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
                "У этого покупателя меньше трёх заказов: как сервер листает историю, не определить."
                    .into()
            } else {
                "This customer has fewer than three orders: the paging cannot be told.".into()
            }
        }
        Finding::NoSuchMethod { named, module } => {
            let named = named.as_deref().map(|n| quoted(n, ru)).unwrap_or_default();
            let mut text = if ru {
                format!("Сервер не знает метода {named}: адрес называет не тот метод. Исправьте этот ключ в cabinet.json.")
            } else {
                format!("The server has no method {named}: the URL names the wrong one. Fix this key in cabinet.json.")
            };
            if let Some(module) = module {
                text.push_str(&if ru {
                    format!(" В опубликованном модуле 1С-Битрикс метод называется {} (или задайте \"preset\": \"mobium-bitrix\").", quoted(module, ru))
                } else {
                    format!(" The published 1C-Bitrix module calls it {} (or use \"preset\": \"mobium-bitrix\").", quoted(module, ru))
                });
            }
            text
        }
        Finding::AsksForSignIn => {
            if ru {
                "Метод есть: без входа покупателя сервер отвечает «нужен вход», как и должен."
                    .into()
            } else {
                "The method is there: with no customer signed in, the server answers “not authorised”, as it should.".into()
            }
        }
        Finding::Answered => {
            if ru {
                "Метод есть: сервер ответил на запрос без данных (такой запрос ничего не меняет)."
                    .into()
            } else {
                "The method is there: the server answered a call with no data (such a call changes nothing).".into()
            }
        }
        Finding::RecoveryFieldsAreRegistration => {
            if ru {
                "Поля восстановления пароля — это поля регистрации: recovery_fields_url указывает на метод регистрации \
                 (в опубликованном модуле метод восстановления — getRestoreFields). Покупатель, забывший пароль, увидел бы всю форму регистрации."
                    .into()
            } else {
                "The recovery fields are the registration fields: recovery_fields_url names the registration method \
                 (the published module's is getRestoreFields). A customer who forgot the password would see the whole registration form."
                    .into()
            }
        }
        Finding::NoRecovery => {
            if ru {
                "recovery_url не задан, поэтому ссылки «Забыли пароль?» в кабинете нет. Укажите метод восстановления пароля \
                 (в опубликованном модуле — userRestorePassword)."
                    .into()
            } else {
                "recovery_url is not set, so the cabinet shows no “Forgot your password?” link. Name the password recovery method \
                 (the published module's is userRestorePassword)."
                    .into()
            }
        }
        Finding::LogoutOnAuth => {
            if ru {
                "logout_url не задан: выход — DELETE на auth_url, как в документе. Опубликованный модуль на это не выходит \
                 (его метод — userLogout), и покупатель выйдет только на этом устройстве. Укажите logout_url."
                    .into()
            } else {
                "logout_url is not set: sign-out is DELETE on auth_url, as the document says. The published module does not sign out \
                 on that (its method is userLogout), so the customer is signed out on this device only. Set logout_url."
                    .into()
            }
        }
        Finding::ProfileRead(n) => {
            if ru {
                format!("Профиль вошедшего покупателя прочитан, блоков: {n}.")
            } else {
                format!("The signed-in customer's profile was read: {n} blocks.")
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
