//! The words of `features/profile`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::{quoted, Words};
use crate::core::intl;
use crate::core::logic::locale::Lang;

pub struct Phrases {
    pub barcode_failed: &'static str,
    pub profile_title: &'static str,
    pub profile_load_failed: &'static str,
    pub verified: &'static str,
    pub not_verified: &'static str,
    pub bonus_balance: &'static str,
    pub discount: &'static str,
    pub barcode_alt: &'static str,
    pub avatar_alt: &'static str,
    pub sign_out: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub confirm_value: &'static str,
    pub show_at_till: &'static str,
    pub close: &'static str,
    pub opens_new_tab: &'static str,
    pub open_link: &'static str,
    pub till_hint: &'static str,
    /// The profile could not be loaded for want of a network: the kept card stands in.
    pub offline_title: &'static str,
    pub offline_hint: &'static str,
    pub card_not_live: &'static str,
    /// The profile is slow to come: the kept card meanwhile.
    pub waiting_title: &'static str,
    pub waiting_hint: &'static str,
    pub barcode_not_kept: &'static str,
    pub keep_card: &'static str,
    pub change_not_applied: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        barcode_failed: "Не удалось загрузить штрихкод карты.",
        profile_title: "Профиль",
        profile_load_failed: "Не удалось загрузить профиль.",
        verified: "подтверждён",
        not_verified: "не подтверждён",
        bonus_balance: "Бонусов на счёте",
        discount: "Ваша персональная скидка",
        barcode_alt: "Штрихкод карты покупателя",
        avatar_alt: "Фото профиля",
        sign_out: "Выйти",
        edit: "Изменить",
        save: "Сохранить",
        saving: "Сохраняем…",
        saved: "Изменения сохранены.",
        confirm_value: "Подтвердить",
        show_at_till: "Показать на кассе",
        close: "Закрыть",
        opens_new_tab: "(откроется в новой вкладке)",
        open_link: "Открыть",
        till_hint: "Покажите этот код кассиру",
        offline_title: "Нет связи",
        offline_hint: "Карта показана такой, какой была при последней загрузке на этом устройстве. Она обновится, когда связь появится.",
        card_not_live: "Бонусы и скидка с тех пор могли измениться.",
        waiting_title: "Ждём ответа сервера магазина",
        waiting_hint: "Пока он не ответил, карта показана такой, какой была при последней загрузке на этом устройстве.",
        barcode_not_kept: "Штрихкод не удалось сохранить на этом устройстве: назовите на кассе номер карты или телефон.",
        keep_card: "Хранить карту на этом устройстве, чтобы показать её на кассе без связи",
        change_not_applied: "Магазин не применил это изменение: в профиле осталось прежнее значение. Вы можете изменить введённое или отменить.",
    },
    en: Phrases {
        barcode_failed: "The card's barcode could not be loaded.",
        profile_title: "Profile",
        profile_load_failed: "Couldn't load your profile.",
        verified: "confirmed",
        not_verified: "not confirmed",
        bonus_balance: "Bonus balance",
        discount: "Your personal discount",
        barcode_alt: "Loyalty card barcode",
        avatar_alt: "Profile photo",
        sign_out: "Sign out",
        edit: "Edit",
        save: "Save",
        saving: "Saving…",
        saved: "Your changes are saved.",
        confirm_value: "Confirm",
        show_at_till: "Show at the till",
        close: "Close",
        opens_new_tab: "(opens in a new tab)",
        open_link: "Open",
        till_hint: "Show this code to the cashier",
        offline_title: "You're offline",
        offline_hint: "Your loyalty card is shown as it was last loaded on this device. It will refresh when you are back online.",
        card_not_live: "Bonuses and discount may have changed since.",
        waiting_title: "Waiting for the shop's server",
        waiting_hint: "Until it answers, your loyalty card is shown as it was last loaded on this device.",
        barcode_not_kept: "The barcode could not be saved on this device: show the card number or your phone instead.",
        keep_card: "Keep my card on this device, to show it at the till with no signal",
        change_not_applied: "The shop did not apply this change: your profile still shows the old value. You can edit what you typed or cancel.",
    },
};

impl Phrases {
    /// "Up to N % of an order can be paid with bonuses".
    pub fn bonus_share(&self, share: f64, lang: Lang) -> String {
        // `Intl` writes the per cent sign as the language does ("14 %" with a no-break space).
        let pct = intl::percent(share, lang);
        match lang {
            Lang::Ru => format!("Бонусами можно оплатить до {pct} заказа"),
            Lang::En => format!("Up to {pct} of an order can be paid with bonuses"),
        }
    }

    /// "Card as of 2 December 2026, 10:15", in the customer's time zone.
    pub fn card_as_of(&self, saved_at_ms: f64, lang: Lang) -> String {
        let when = intl::moment(saved_at_ms, lang);
        match lang {
            Lang::Ru => format!("Карта по состоянию на {when}"),
            Lang::En => format!("Card as of {when}"),
        }
    }

    /// "Edit «Phone»": the accessible name of a profile value's edit button; it starts with the
    /// button's visible text (WCAG 2.5.3, label in name).
    pub fn edit_value(&self, title: &str, lang: Lang) -> String {
        format!("{} {}", self.edit, quoted(title, lang))
    }
}
