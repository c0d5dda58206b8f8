//! Every UI string, in Russian and English.
//!
//! One struct with a field per string and one constant per language: a string missing in either
//! language is a compile error, and nothing is looked up at run time by a key that might not exist.
//! (leptos_i18n would do the same with more machinery and more bytes.)

use leptos::prelude::*;

use crate::api::diagnose::Finding;
use crate::api::ApiError;
use crate::domain::locale::Lang;
use crate::intl::{self, Plural};

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
    pub show: &'static str,
    pub hide: &'static str,
    pub stay_signed_in: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub required: &'static str,
    pub session_ended: &'static str,
    pub signed_out: &'static str,
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
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_config: &'static str,
    pub setup_answers: &'static str,
    pub setup_check_again: &'static str,
    pub setup_good: &'static str,
    pub setup_warning: &'static str,
    pub setup_problem: &'static str,
    pub setup_checking: &'static str,
    pub setup_demo: &'static str,
    pub setup_not_set: &'static str,
    pub setup_per_browser: &'static str,
    pub setup_cors: &'static str,
    pub setup_cors_proxy: &'static str,
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

pub const RU: Strings = Strings {
    app_title: "Личный кабинет",
    language: "Язык",
    loading: "Загрузка…",
    demo_mode: "Демо-режим: сервер магазина не подключён, все данные хранятся только в этом браузере.",
    demo_sign_in_as: "Войдите как",
    demo_password: "пароль",
    demo_last_code: "Последний отправленный код:",
    sign_in_title: "Вход в личный кабинет",
    login_fallback_label: "Логин, e-mail или телефон",
    password: "Пароль",
    show_password: "Показать пароль",
    hide_password: "Скрыть пароль",
    show: "Показать",
    hide: "Скрыть",
    stay_signed_in: "Не выходить из кабинета на этом устройстве",
    sign_in: "Войти",
    signing_in: "Входим…",
    required: "Заполните это поле",
    session_ended: "Сеанс завершён. Войдите снова — вы вернётесь туда, где были.",
    signed_out: "Вы вышли из личного кабинета.",
    error_network: "Нет связи с сервером магазина. Проверьте подключение к интернету и попробуйте ещё раз.",
    error_timeout: "Сервер магазина не ответил вовремя. Попробуйте ещё раз.",
    error_server: "На сервере магазина произошла ошибка. Попробуйте ещё раз чуть позже.",
    error_protocol: "Сервер магазина прислал ответ, который не удалось прочитать. Попробуйте ещё раз.",
    error_rejected: "Не получилось. Проверьте введённые данные и попробуйте ещё раз.",
    error_verification: "Сервер просит подтвердить телефон или e-mail кодом. Завершите подтверждение и войдите снова.",
    retry: "Повторить",
    profile_title: "Профиль",
    profile_load_failed: "Не удалось загрузить профиль.",
    verified: "подтверждён",
    not_verified: "не подтверждён",
    bonus_balance: "Бонусов на счёте",
    discount: "Ваша персональная скидка",
    barcode_alt: "Штрихкод карты покупателя",
    avatar_alt: "Фото профиля",
    sign_out: "Выйти",
    not_found_title: "Страница не найдена",
    not_found_text: "Такой страницы в личном кабинете нет.",
    go_home: "Перейти в кабинет",
    setup_title: "Проверка настройки",
    setup_intro: "Страница для владельца магазина: кабинет запрашивает поля регистрации и восстановления, отправляет код, которого никто не получал (как сервер отвечает на сбой?), а если вы вошли как покупатель — листает историю заказов, и сообщает, что получил.",
    setup_config: "Действующие настройки",
    setup_answers: "Ответы сервера",
    setup_check_again: "Проверить ещё раз",
    setup_good: "В порядке",
    setup_warning: "Работает, но стоит исправить",
    setup_problem: "Не работает",
    setup_checking: "Проверяем…",
    setup_demo: "демо-сервер в этом браузере",
    setup_not_set: "не задано",
    setup_per_browser: "создаётся для каждого браузера",
    setup_cors: "Если API на другом адресе, его сервер должен отвечать (и на запрос OPTIONS) с заголовками:",
    setup_cors_proxy: "Или отдавайте API с того же адреса, что и кабинет (обратный прокси, см. README).",
    config_error_title: "Личный кабинет настроен с ошибкой",
    config_error_hint: "Исправьте файл настроек cabinet.json:",
    config_load_failed: "Не удалось загрузить настройки личного кабинета.",
    skip_to_content: "Перейти к содержимому",
    register_title: "Регистрация",
    register_link: "Создать аккаунт",
    have_account: "Уже есть аккаунт?",
    register_submit: "Зарегистрироваться",
    sending: "Отправляем…",
    form_load_failed: "Не удалось загрузить форму.",
    registration_unavailable: "Регистрация сейчас недоступна.",
    problem_email: "Введите e-mail в формате name@example.ru",
    problem_phone: "Введите номер телефона, например +7 916 123-45-67",
    problem_number: "Введите число",
    problem_date: "Выберите дату",
    required_hint: "Поля со звёздочкой (*) обязательны.",
    choose: "Выберите…",
    code_title: "Подтверждение",
    code_sent_to: "Код отправлен на",
    code_label: "Код подтверждения",
    code_default_prompt: "Введите код из сообщения",
    confirm: "Подтвердить",
    checking: "Проверяем…",
    resend: "Отправить код ещё раз",
    resent: "Новый код отправлен.",
    code_available: "Можно запросить новый код.",
    code_session_lost: "Не удалось подтвердить, начните регистрацию заново.",
    registered_sign_in: "Регистрация завершена. Войдите в личный кабинет.",
    wrong_code_fallback: "Неверный код",
    recover_title: "Восстановление пароля",
    recover_link: "Забыли пароль?",
    recover_intro: "Укажите данные, с которыми вы регистрировались, — мы пришлём инструкцию.",
    recover_submit: "Восстановить пароль",
    recover_done_fallback: "Запрос отправлен. Проверьте почту или SMS.",
    back_to_sign_in: "Вернуться ко входу",
    email_label: "Электронная почта",
    social_or: "или",
    oauth_state_mismatch: "Не удалось проверить ответ соцсети. Попробуйте войти ещё раз.",
    oauth_cancelled: "Вход через соцсеть отменён.",
    oauth_no_token: "Соцсеть не передала данные для входа. Попробуйте ещё раз.",
    oauth_working: "Входим через соцсеть…",
    social_linked: "Аккаунт соцсети привязан к кабинету.",
    social_title: "Вход через соцсети",
    to_profile: "Вернуться в профиль",
    edit: "Изменить",
    save: "Сохранить",
    cancel: "Отмена",
    saving: "Сохраняем…",
    saved: "Изменения сохранены.",
    confirm_value: "Подтвердить",
    show_at_till: "Показать на кассе",
    close: "Закрыть",
    card_title: "Карта покупателя",
    opens_new_tab: "(откроется в новой вкладке)",
    open_link: "Открыть",
    till_hint: "Покажите этот код кассиру",
    orders_title: "Мои заказы",
    no_orders: "У вас пока нет заказов.",
    go_shopping: "Перейти в магазин",
    show_more: "Показать ещё",
    loading_more: "Загружаем заказы…",
    page_failed: "Не удалось загрузить следующие заказы.",
    order_not_found: "Такого заказа нет в вашей истории.",
    send_new_code: "Отправить новый код",
    enter_code: "Ввести код",
    change_not_applied: "Магазин не применил это изменение: в профиле осталось прежнее значение. Вы можете изменить введённое или отменить.",
    code_not_accepted: "Код не принят. Проверьте его или запросите новый.",
    error_server_failed: "Сервер магазина не смог обработать запрос.",
    order_not_found_unsure: "Этого заказа нет среди тех, что прислал сервер магазина.",
    orders_shown_so_far: "Показаны заказы, которые прислал сервер магазина",
    back_to_orders: "Все заказы",
    contact: "Контактные данные",
    payment: "Оплата",
    delivery: "Доставка",
    items: "Товары",
    total: "Итого",
    delivery_cost: "Стоимость доставки",
    bonuses_used: "Оплачено бонусами",
    item: "Товар",
    qty: "Количество",
    price: "Цена",
    line_total: "Сумма",
    payment_status: "Статус оплаты",
    nav_profile: "Профиль",
    nav_orders: "Заказы",
    nav_label: "Разделы кабинета",
    status_label: "Статус",
    orders_loaded_all: "Показаны все заказы",
    date_label: "Дата",
};

pub const EN: Strings = Strings {
    app_title: "Your account",
    language: "Language",
    loading: "Loading…",
    demo_mode: "Demo mode: no shop server is connected; everything stays in this browser.",
    demo_sign_in_as: "Sign in as",
    demo_password: "password",
    demo_last_code: "Last code sent:",
    sign_in_title: "Sign in to your account",
    login_fallback_label: "Login, e-mail or phone",
    password: "Password",
    show_password: "Show password",
    hide_password: "Hide password",
    show: "Show",
    hide: "Hide",
    stay_signed_in: "Stay signed in on this device",
    sign_in: "Sign in",
    signing_in: "Signing in…",
    required: "Please fill in this field",
    session_ended: "Your session has ended. Sign in again to carry on where you were.",
    signed_out: "You have signed out.",
    error_network: "Can't reach the shop's server. Check your internet connection and try again.",
    error_timeout: "The shop's server took too long to answer. Please try again.",
    error_server: "Something went wrong on the shop's server. Please try again a little later.",
    error_protocol: "The shop's server sent an answer we couldn't read. Please try again.",
    error_rejected: "That didn't work. Check what you entered and try again.",
    error_verification: "The server asks you to confirm your phone or e-mail with a code. Finish confirming, then sign in again.",
    retry: "Try again",
    profile_title: "Profile",
    profile_load_failed: "Couldn't load your profile.",
    verified: "confirmed",
    not_verified: "not confirmed",
    bonus_balance: "Bonus balance",
    discount: "Your personal discount",
    barcode_alt: "Loyalty card barcode",
    avatar_alt: "Profile photo",
    sign_out: "Sign out",
    not_found_title: "Page not found",
    not_found_text: "There is no such page in your account.",
    go_home: "Go to your account",
    setup_title: "Setup check",
    setup_intro: "For the shop's owner: the cabinet asks for the registration and recovery fields, sends a code no one was sent (how does the server answer a failure?) and, when you are signed in as a customer, pages the order history — and reports what it got.",
    setup_config: "Settings in effect",
    setup_answers: "Server answers",
    setup_check_again: "Check again",
    setup_good: "Fine",
    setup_warning: "Works, but worth fixing",
    setup_problem: "Broken",
    setup_checking: "Checking…",
    setup_demo: "the demo backend in this browser",
    setup_not_set: "not set",
    setup_per_browser: "made for each browser",
    setup_cors: "If the API is on another origin, its server must answer (OPTIONS requests too) with these headers:",
    setup_cors_proxy: "Or serve the API from the cabinet's own origin (a reverse proxy, see the README).",
    config_error_title: "The account page is misconfigured",
    config_error_hint: "Fix the settings file cabinet.json:",
    config_load_failed: "Couldn't load the account page's settings.",
    skip_to_content: "Skip to content",
    register_title: "Create an account",
    register_link: "Create an account",
    have_account: "Already have an account?",
    register_submit: "Create account",
    sending: "Sending…",
    form_load_failed: "Couldn't load the form.",
    registration_unavailable: "Registration is not available right now.",
    problem_email: "Enter an e-mail address like name@example.com",
    problem_phone: "Enter a phone number, for example +7 916 123-45-67",
    problem_number: "Enter a number",
    problem_date: "Choose a date",
    required_hint: "Fields marked * are required.",
    choose: "Choose…",
    code_title: "Confirmation",
    code_sent_to: "The code was sent to",
    code_label: "Confirmation code",
    code_default_prompt: "Enter the code from the message",
    confirm: "Confirm",
    checking: "Checking…",
    resend: "Send the code again",
    resent: "A new code is on its way.",
    code_available: "You can ask for a new code now.",
    code_session_lost: "Couldn't confirm: please start the registration again.",
    registered_sign_in: "You're registered. Please sign in.",
    wrong_code_fallback: "Wrong code",
    recover_title: "Reset your password",
    recover_link: "Forgot your password?",
    recover_intro: "Enter the details you registered with and we'll send you instructions.",
    recover_submit: "Reset password",
    recover_done_fallback: "Request sent. Check your e-mail or text messages.",
    back_to_sign_in: "Back to sign-in",
    email_label: "E-mail",
    social_or: "or",
    oauth_state_mismatch: "We couldn't verify the social network's answer. Please try signing in again.",
    oauth_cancelled: "Signing in with the social network was cancelled.",
    oauth_no_token: "The social network sent no sign-in data. Please try again.",
    oauth_working: "Signing you in…",
    social_linked: "Your social network account is now connected.",
    social_title: "Social sign-in",
    to_profile: "Back to your profile",
    edit: "Edit",
    save: "Save",
    cancel: "Cancel",
    saving: "Saving…",
    saved: "Your changes are saved.",
    confirm_value: "Confirm",
    show_at_till: "Show at the till",
    close: "Close",
    card_title: "Loyalty card",
    opens_new_tab: "(opens in a new tab)",
    open_link: "Open",
    till_hint: "Show this code to the cashier",
    orders_title: "My orders",
    no_orders: "You have no orders yet.",
    go_shopping: "Go to the shop",
    show_more: "Show more",
    loading_more: "Loading orders…",
    page_failed: "Couldn't load more orders.",
    order_not_found: "There is no such order in your history.",
    send_new_code: "Send a new code",
    enter_code: "Enter the code",
    change_not_applied: "The shop did not apply this change: your profile still shows the old value. You can edit what you typed or cancel.",
    code_not_accepted: "The code was not accepted. Check it or ask for a new one.",
    error_server_failed: "The shop's server failed to handle the request.",
    order_not_found_unsure: "This order is not among those the shop's server has sent.",
    orders_shown_so_far: "Orders the shop's server has sent",
    back_to_orders: "All orders",
    contact: "Contact details",
    payment: "Payment",
    delivery: "Delivery",
    items: "Items",
    total: "Total",
    delivery_cost: "Delivery cost",
    bonuses_used: "Paid with bonuses",
    item: "Item",
    qty: "Quantity",
    price: "Price",
    line_total: "Amount",
    payment_status: "Payment status",
    nav_profile: "Profile",
    nav_orders: "Orders",
    nav_label: "Account sections",
    status_label: "Status",
    orders_loaded_all: "All orders are shown",
    date_label: "Date",
};

impl Strings {
    pub fn of(lang: Lang) -> &'static Strings {
        match lang {
            Lang::Ru => &RU,
            Lang::En => &EN,
        }
    }

    /// "Up to N % of an order can be paid with bonuses".
    pub fn bonus_share(&self, share: f64, lang: Lang) -> String {
        // `Intl` writes the per cent sign as the language does ("14 %" with a no-break space).
        let pct = intl::percent(share, lang);
        match lang {
            Lang::Ru => format!("Бонусами можно оплатить до {pct} заказа"),
            Lang::En => format!("Up to {pct} of an order can be paid with bonuses"),
        }
    }

    /// "3 items" / "3 товара": the plural form is the browser's (`Intl.PluralRules`).
    pub fn items_count(&self, n: usize, lang: Lang) -> String {
        let word = match (lang, intl::plural(n as f64, lang)) {
            (Lang::Ru, Plural::One) => "товар",
            (Lang::Ru, Plural::Few) => "товара",
            (Lang::Ru, _) => "товаров",
            (Lang::En, Plural::One) => "item",
            (Lang::En, _) => "items",
        };
        format!("{n} {word}")
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
    pub fn network_name(&self, network: crate::api::SocialNetwork, lang: Lang) -> &'static str {
        use crate::api::SocialNetwork::*;
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
    pub fn problem(&self, p: crate::domain::form::Problem) -> &'static str {
        use crate::domain::form::Problem;
        match p {
            Problem::Required => self.required,
            Problem::Email => self.problem_email,
            Problem::Phone => self.problem_phone,
            Problem::Number => self.problem_number,
            Problem::Date => self.problem_date,
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

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n { lang: RwSignal::new(Lang::Ru) })
}

/// A title in the language's quotation marks.
fn quoted(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("«{title}»"),
        Lang::En => format!("“{title}”"),
    }
}
