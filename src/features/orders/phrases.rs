//! The words of `features/orders`, in Russian and English (the words several floors share are
//! `core::i18n`'s): a field per string, a value per language, checked by the compiler.

use crate::core::i18n::Words;
use crate::core::intl::{self, Plural};
use crate::core::logic::locale::Lang;

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

pub struct Phrases {
    pub orders_failed: &'static str,
    pub orders_title: &'static str,
    pub no_orders: &'static str,
    pub go_shopping: &'static str,
    pub show_more: &'static str,
    pub loading_more: &'static str,
    pub page_failed: &'static str,
    pub order_not_found: &'static str,
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
    pub status_label: &'static str,
    pub orders_loaded_all: &'static str,
    pub date_label: &'static str,
}

pub static WORDS: Words<Phrases> = Words {
    ru: Phrases {
        orders_failed: "Не удалось загрузить заказы.",
        orders_title: "Мои заказы",
        no_orders: "У вас пока нет заказов.",
        go_shopping: "Перейти в магазин",
        show_more: "Показать ещё",
        loading_more: "Загружаем заказы…",
        page_failed: "Не удалось загрузить следующие заказы.",
        order_not_found: "Такого заказа нет в вашей истории.",
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
        status_label: "Статус",
        orders_loaded_all: "Показаны все заказы",
        date_label: "Дата",
    },
    en: Phrases {
        orders_failed: "Couldn't load your orders.",
        orders_title: "My orders",
        no_orders: "You have no orders yet.",
        go_shopping: "Go to the shop",
        show_more: "Show more",
        loading_more: "Loading orders…",
        page_failed: "Couldn't load more orders.",
        order_not_found: "There is no such order in your history.",
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
        status_label: "Status",
        orders_loaded_all: "All orders are shown",
        date_label: "Date",
    },
};

impl Phrases {
    /// "5 items" / "5 товаров", "0.5 товара": the count as the language writes numbers, the
    /// plural form the browser's (`Intl.PluralRules`).
    pub fn goods_count(&self, n: f64, lang: Lang) -> String {
        format!("{} {}", intl::number(n, lang), goods_word(intl::plural(n, lang), lang))
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
