//! The colour of an order's status badge, from a small keyword table in Russian and English.
//! Servers send free text (and sometimes `null`, shown as "—"); anything unrecognised is neutral.

/// How a status reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Paid, delivered, completed.
    Done,
    /// Accepted, processing, shipped, on its way.
    InProgress,
    /// Not paid yet, waiting for the customer.
    Attention,
    /// Cancelled, returned, refused.
    Cancelled,
    Neutral,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Self::Done => "wc-status-badge--done",
            Self::InProgress => "wc-status-badge--progress",
            Self::Attention => "wc-status-badge--attention",
            Self::Cancelled => "wc-status-badge--cancelled",
            Self::Neutral => "wc-status-badge--neutral",
        }
    }
}

/// Checked in order: negations and cancellations before the words they contain.
const TABLE: [(&str, Tone); 30] = [
    ("не оплач", Tone::Attention),
    ("неоплач", Tone::Attention),
    ("not paid", Tone::Attention),
    ("unpaid", Tone::Attention),
    ("awaiting payment", Tone::Attention),
    ("ожидает оплат", Tone::Attention),
    ("отмен", Tone::Cancelled),
    ("cancel", Tone::Cancelled),
    ("возврат", Tone::Cancelled),
    ("return", Tone::Cancelled),
    ("refund", Tone::Cancelled),
    ("отказ", Tone::Cancelled),
    ("оплачен", Tone::Done),
    ("paid", Tone::Done),
    ("доставлен", Tone::Done),
    ("delivered", Tone::Done),
    ("выполнен", Tone::Done),
    ("completed", Tone::Done),
    ("получен", Tone::Done),
    ("в обработке", Tone::InProgress),
    ("processing", Tone::InProgress),
    ("передан", Tone::InProgress),
    ("в пути", Tone::InProgress),
    ("shipped", Tone::InProgress),
    ("in progress", Tone::InProgress),
    ("принят", Tone::InProgress),
    ("accepted", Tone::InProgress),
    ("собира", Tone::InProgress),
    ("новый", Tone::InProgress),
    ("new", Tone::InProgress),
];

pub fn tone(status: Option<&str>) -> Tone {
    let Some(s) = status.map(crate::core::logic::text::fold_case) else {
        return Tone::Neutral;
    };
    TABLE.iter().find(|(word, _)| s.contains(word)).map_or(Tone::Neutral, |(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords() {
        assert_eq!(tone(Some("Оплачен")), Tone::Done);
        assert_eq!(tone(Some("Не оплачен")), Tone::Attention);
        assert_eq!(tone(Some("Доставлен")), Tone::Done);
        assert_eq!(tone(Some("Отменён")), Tone::Cancelled);
        assert_eq!(tone(Some("В обработке")), Tone::InProgress);
        assert_eq!(tone(Some("Передан в доставку")), Tone::InProgress);
        assert_eq!(tone(Some("Paid")), Tone::Done);
        assert_eq!(tone(Some("Unpaid")), Tone::Attention);
        assert_eq!(tone(Some("Cancelled by customer")), Tone::Cancelled);
        assert_eq!(tone(Some("Delivered")), Tone::Done);
        assert_eq!(tone(Some("Шрёдингер")), Tone::Neutral);
        assert_eq!(tone(Some("ОТМЕНЁН")), Tone::Cancelled);
        assert_eq!(tone(Some("DELIVERED")), Tone::Done);
        assert_eq!(tone(None), Tone::Neutral);
    }
}
