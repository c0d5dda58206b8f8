//! Bonus and discount rules of the profile.

use crate::core::api::json::Value;
use crate::core::api::lenient;

/// `data.discount` of the profile.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Discount {
    pub value: Option<f64>,
}

/// The share of an order payable with bonuses, from `available_proportion` as sent. The
/// document: "if absent, is taken as 1.0 (100 %)" — so a missing or `null` share and an explicit
/// 1.0 read the same. A value outside (0, 1] is not a share: the published module sends a
/// database row id there (`"15"`), and "pay up to 100 %" drawn from it would promise what the
/// shop never said; text that is no number is no share either. `None`: no "payable up to" line.
pub fn payable_share(available_proportion: Option<&Value>) -> Option<f64> {
    match available_proportion {
        None | Some(Value::Null) => Some(1.0),
        Some(v) => lenient::value_as_number(v).filter(|p| *p > 0.0 && *p <= 1.0),
    }
}

/// The personal discount in percent, `None` when there is none: a value ≤ 1 is a fraction
/// (0.14 → 14 %), above 1 it is a percentage already; zero or negative means no discount.
pub fn discount_percent(discount: &Discount) -> Option<f64> {
    match discount.value {
        Some(v) if v > 0.0 && v <= 1.0 => Some(v * 100.0),
        Some(v) if v > 1.0 && v <= 100.0 => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_share_is_the_whole_order_and_a_row_id_is_none() {
        let share = |json: &str| payable_share(serde_json::from_str::<Value>(json).ok().as_ref());
        assert_eq!(payable_share(None), Some(1.0), "absent: the document's 1.0");
        assert_eq!(share("null"), Some(1.0), "null means the default");
        assert_eq!(share("1.0"), Some(1.0));
        assert_eq!(share("\"1\""), Some(1.0));
        assert_eq!(share("0.2"), Some(0.2));
        assert_eq!(share("\"0.2\""), Some(0.2));
        assert_eq!(share("\"15\""), None, "a row id, not a share");
        assert_eq!(share("15"), None);
        assert_eq!(share("0"), None);
        assert_eq!(share("-0.5"), None);
        assert_eq!(share("\"all\""), None, "text is no share");
        assert_eq!(share("[]"), None);
    }

    #[test]
    fn discount_rules() {
        let d = |v| Discount { value: v };
        assert_eq!(discount_percent(&d(Some(0.14))).map(|p| p.round()), Some(14.0));
        assert_eq!(discount_percent(&d(Some(7.0))), Some(7.0));
        assert_eq!(discount_percent(&d(Some(0.0))), None);
        assert_eq!(discount_percent(&d(None)), None);
    }
}
