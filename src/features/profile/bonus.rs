//! Bonus and discount rules of the profile.

use crate::features::profile::wire::{Bonus, Discount};

/// The share of an order payable with bonuses, when the server states one in (0, 1]. Anything
/// else is not a share: the published module sends a database row id there (`"15"`), and "pay up
/// to 100 %" drawn from it would promise what the shop never said. `None`: no "payable up to"
/// line (a missing value included: the document's default, the whole order, is no news).
pub fn payable_share(bonus: &Bonus) -> Option<f64> {
    bonus.available_proportion.filter(|p| *p > 0.0 && *p <= 1.0)
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
    fn share_is_clamped() {
        let b = |p| Bonus { amount: Some(1.0), available_proportion: p };
        assert_eq!(payable_share(&b(Some(0.2))), Some(0.2));
        assert_eq!(payable_share(&b(Some(1.0))), Some(1.0));
        assert_eq!(payable_share(&b(Some(15.0))), None, "a row id, not a share");
        assert_eq!(payable_share(&b(Some(0.0))), None);
        assert_eq!(payable_share(&b(Some(-0.5))), None);
        assert_eq!(payable_share(&b(None)), None);
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
