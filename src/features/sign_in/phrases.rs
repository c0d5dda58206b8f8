//! The words of `features/sign_in`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::Words;

pub struct Phrases {
    pub sign_in_title: &'static str,
    pub login_fallback_label: &'static str,
    pub password: &'static str,
    pub stay_signed_in: &'static str,
    pub signing_in: &'static str,
    pub signed_out: &'static str,
    pub signed_out_unconfirmed: &'static str,
    pub register_link: &'static str,
    pub registered_sign_in: &'static str,
    pub recover_link: &'static str,
    pub oauth_state_mismatch: &'static str,
    pub oauth_cancelled: &'static str,
    pub oauth_no_token: &'static str,
    pub oauth_working: &'static str,
    pub social_linked: &'static str,
    pub social_title: &'static str,
    pub to_profile: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        sign_in_title: "Вход в личный кабинет",
        login_fallback_label: "Логин, e-mail или телефон",
        password: "Пароль",
        stay_signed_in: "Не выходить из кабинета на этом устройстве",
        signing_in: "Входим…",
        signed_out: "Вы вышли из личного кабинета.",
        signed_out_unconfirmed:
            "Вы вышли на этом устройстве, но сервер магазина этого не подтвердил.",
        register_link: "Создать аккаунт",
        registered_sign_in: "Регистрация завершена. Войдите в личный кабинет.",
        recover_link: "Забыли пароль?",
        oauth_state_mismatch: "Не удалось проверить ответ соцсети. Попробуйте войти ещё раз.",
        oauth_cancelled: "Вход через соцсеть отменён.",
        oauth_no_token: "Соцсеть не передала данные для входа. Попробуйте ещё раз.",
        oauth_working: "Входим через соцсеть…",
        social_linked: "Аккаунт соцсети привязан к кабинету.",
        social_title: "Вход через соцсети",
        to_profile: "Вернуться в профиль",
    },
    en: Phrases {
        sign_in_title: "Sign in to your account",
        login_fallback_label: "Login, e-mail or phone",
        password: "Password",
        stay_signed_in: "Stay signed in on this device",
        signing_in: "Signing in…",
        signed_out: "You have signed out.",
        signed_out_unconfirmed:
            "You have signed out on this device, but the shop's server did not confirm it.",
        register_link: "Create an account",
        registered_sign_in: "You're registered. Please sign in.",
        recover_link: "Forgot your password?",
        oauth_state_mismatch:
            "We couldn't verify the social network's answer. Please try signing in again.",
        oauth_cancelled: "Signing in with the social network was cancelled.",
        oauth_no_token: "The social network sent no sign-in data. Please try again.",
        oauth_working: "Signing you in…",
        social_linked: "Your social network account is now connected.",
        social_title: "Social sign-in",
        to_profile: "Back to your profile",
    },
};
