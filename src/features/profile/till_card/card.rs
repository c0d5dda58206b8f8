//! The till card: the loyalty card as the last profile load showed it — name, bonus lines,
//! discount and the barcode picture itself — kept on the device so that it can be shown at the
//! till with no signal.
//!
//! Where `token_storage` allows only: `local` keeps it (the device keeps the session anyway),
//! `session` only when the customer ticks "keep my card on this device", `memory` never. It is
//! kept beside the token (gone with the tab when the token is) and tied to the session it was
//! loaded in (a fingerprint of the token, never the token): signing out, a session the server
//! ends and any sign-in delete it, and a card of another session, of another format or edited
//! by hand is discarded, never shown.

use serde::{Deserialize, Serialize};

use crate::core::api::ApiError;
use crate::core::config::TokenStorage;
use crate::features::profile::bonus::discount_percent;
use crate::features::profile::wire::{
    Bonus, Discount, EditableValue, Profile, ProfileField, Verification,
};
use crate::shared::forms::wire::FieldType;

/// Bumped whenever the stored shape changes: a card of another format is discarded.
pub const FORMAT: u32 = 1;
/// A barcode picture larger than this is not kept (storage is small and shared).
pub const MAX_PICTURE_BYTES: usize = 96 * 1024;

/// How a `token_storage` policy treats the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    Always,
    IfTicked,
    Never,
}

impl Keeping {
    pub fn of(storage: TokenStorage) -> Self {
        match storage {
            TokenStorage::Local => Self::Always,
            TokenStorage::Session => Self::IfTicked,
            TokenStorage::Memory => Self::Never,
        }
    }
}

/// A bonus line as the server wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BonusLine {
    pub title: Option<String>,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TillCard {
    pub format: u32,
    /// The session's fingerprint (`Session::fingerprint`).
    pub owner: String,
    /// When the profile it comes from was loaded (ms since the epoch).
    pub saved_at_ms: f64,
    pub name: Option<String>,
    pub bonus_lines: Vec<BonusLine>,
    pub bonus_amount: Option<f64>,
    /// The share of an order payable with bonuses, as the profile showed it (absent in a card
    /// kept before it was: no line then).
    #[serde(default)]
    pub bonus_share: Option<f64>,
    /// The server's discount value (a fraction or a percentage: `profile::bonus` reads it).
    pub discount: Option<f64>,
    /// The profile's barcode address, when it has one.
    pub picture_source: Option<String>,
    /// Its picture as a `data:image/…;base64` URL; `None` with a source: it could not be kept
    /// (a server that does not allow reading it, too large, not an image).
    pub picture: Option<String>,
}

impl TillCard {
    /// The card in `profile`, with `picture` for its barcode; `None` when the profile shows no
    /// card at all (no barcode, no bonus, no discount).
    pub fn from_profile(
        profile: &Profile,
        owner: &str,
        now_ms: f64,
        picture: Option<String>,
    ) -> Option<Self> {
        let bonus_lines: Vec<BonusLine> = profile
            .fields
            .iter()
            .filter_map(|f| match f {
                ProfileField::Bonus { title, value } => {
                    Some(BonusLine { title: title.clone(), value: value.clone() })
                }
                _ => None,
            })
            .collect();
        if !Self::in_profile(profile) {
            return None;
        }
        Some(Self {
            format: FORMAT,
            owner: owner.to_string(),
            saved_at_ms: now_ms,
            name: profile.name().map(str::to_string),
            bonus_lines,
            bonus_amount: profile.bonus.as_ref().and_then(|b| b.amount),
            bonus_share: profile.bonus.as_ref().and_then(|b| b.payable_share),
            discount: profile
                .discount
                .as_ref()
                .filter(|d| discount_percent(d).is_some())
                .and_then(|d| d.value),
            picture_source: Self::barcode_source(profile),
            picture,
        })
    }

    /// Whether `profile` shows a card at all: a barcode, a bonus line or balance, a discount.
    pub fn in_profile(profile: &Profile) -> bool {
        Self::barcode_source(profile).is_some()
            || profile.fields.iter().any(|f| matches!(f, ProfileField::Bonus { .. }))
            || profile.bonus.as_ref().is_some_and(|b| b.amount.is_some())
            || profile.discount.as_ref().and_then(discount_percent).is_some()
    }

    /// Whether the profile offers to keep its card on the device, given whether its barcode
    /// picture has loaded. A profile that names a barcode offers it only once the picture has
    /// loaded: a barcode that never loads is no card to show at the till. A profile with no
    /// barcode offers its bonus and discount, if it shows any.
    pub fn offered(profile: &Profile, barcode_loaded: bool) -> bool {
        match Self::barcode_source(profile) {
            Some(_) => barcode_loaded,
            None => Self::in_profile(profile),
        }
    }

    /// Whether a card read back from storage may be shown to the holder of session `owner` at
    /// `now_ms`. Anything odd means no: a card is shown only when it is exactly what this
    /// cabinet wrote for this session.
    pub fn fit_for(&self, owner: &str, keeping: Keeping, now_ms: f64) -> bool {
        keeping != Keeping::Never
            && self.owner == owner
            && self.picture.as_deref().is_none_or(is_picture)
            && (self.picture.is_none() || self.picture_source.is_some())
            && self.format == FORMAT
            && !self.owner.is_empty()
            && self.saved_at_ms > 0.0
            && self.saved_at_ms <= now_ms + 60_000.0
    }

    /// The barcode address of a profile, to fetch its picture from.
    pub fn barcode_source(profile: &Profile) -> Option<String> {
        profile.fields.iter().find_map(|f| match f {
            ProfileField::Barcode { image: Some(src) } if !src.trim().is_empty() => {
                Some(src.trim().to_string())
            }
            _ => None,
        })
    }

    /// The kept picture for `source`, if this card has it (no need to fetch it again).
    pub fn kept_picture(&self, source: &str) -> Option<String> {
        self.picture.clone().filter(|_| self.picture_source.as_deref() == Some(source))
    }

    /// The card as a profile to draw with the profile's own blocks (the name not editable; the
    /// barcode left out: its picture is a `data:` URL, which server images may never be).
    pub fn as_profile(&self) -> Profile {
        let name = self.name.clone().map(|value| ProfileField::Name {
            field: EditableValue {
                id: String::new(),
                title: None,
                value: Some(value),
                editable: false,
                required: false,
                field_type: FieldType::Text,
                need_verification: false,
                verification: Verification::NotNeeded,
                time: None,
                text: None,
                code_input_type: None,
            },
            image: None,
        });
        let lines = self
            .bonus_lines
            .iter()
            .map(|l| ProfileField::Bonus { title: l.title.clone(), value: l.value.clone() });
        Profile {
            fields: name.into_iter().chain(lines).collect(),
            bonus: self
                .bonus_amount
                .map(|a| Bonus { amount: Some(a), payable_share: self.bonus_share }),
            discount: self.discount.map(|value| Discount { value: Some(value) }),
        }
    }
}

/// Why the kept card stands in for the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandIn {
    /// The first load is taking long (`slow`): a signal that carries nothing.
    Waiting,
    /// The request got no answer.
    Offline,
}

/// Whether the kept card stands in for the profile in state `loaded` (`None`: still loading),
/// and why. Anything the server did answer (a rejection, a session it ended) is the server's to
/// say, not the card's.
pub fn stand_in<T>(loaded: Option<&Result<T, ApiError>>, slow: bool) -> Option<StandIn> {
    match loaded {
        None if slow => Some(StandIn::Waiting),
        Some(Err(e)) if e.is_no_answer() => Some(StandIn::Offline),
        _ => None,
    }
}

/// A picture's data URL as the cabinet writes it: a raster or SVG image, base64, not too large.
/// (An `<img>` runs no script, but an edited entry must not smuggle in anything else.)
pub fn is_picture(data_url: &str) -> bool {
    let Some((head, body)) = data_url.split_once(',') else {
        return false;
    };
    let known = ["png", "gif", "jpeg", "webp", "svg+xml", "bmp"]
        .iter()
        .any(|t| head == format!("data:image/{t};base64"));
    known
        && body.len() <= MAX_PICTURE_BYTES * 4 / 3 + 4
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::api::json;

    fn profile() -> Profile {
        let data = json::parse(
            r#"{"fields":[
                {"cabinet_field_type":"name_field","id":"NAME","value":"Анна"},
                {"cabinet_field_type":"bonus_field","title":"Бонусы","value":"1 250"},
                {"cabinet_field_type":"barcode_field","image":"/barcode.png"}],
               "bonus":{"amount":1250},"discount":{"value":0.05}}"#,
        )
        .ok();
        Profile::from_data(data.as_ref())
    }

    const PNG: &str = "data:image/png;base64,iVBORw0KGgo=";

    fn card() -> TillCard {
        TillCard::from_profile(&profile(), "f1", 1_000.0, Some(PNG.into())).unwrap_or_else(|| {
            unreachable!("the profile has a card");
        })
    }

    #[test]
    fn keeping_is_offered_only_for_a_barcode_that_loaded() {
        let with_barcode = profile();
        assert!(!TillCard::offered(&with_barcode, false), "not before it loads, nor if it fails");
        assert!(TillCard::offered(&with_barcode, true));
        let bonus_only =
            Profile::from_data(json::parse(r#"{"fields":[],"bonus":{"amount":10}}"#).ok().as_ref());
        assert!(TillCard::offered(&bonus_only, false), "no barcode: the bonus is the card");
        let bare = Profile::from_data(json::parse(r#"{"fields":[]}"#).ok().as_ref());
        assert!(!TillCard::offered(&bare, true), "nothing to keep");
    }

    #[test]
    fn the_card_keeps_the_bonus_share_it_showed() {
        let c = card();
        assert_eq!(c.bonus_share, Some(1.0), "no share sent: the whole order");
        assert_eq!(c.as_profile().bonus.and_then(|b| b.payable_share), Some(1.0));
        let older = r#"{"format":1,"owner":"f1","saved_at_ms":1.0,"name":null,"bonus_lines":[],
            "bonus_amount":5.0,"discount":null,"picture_source":null,"picture":null}"#;
        let older: Option<TillCard> = serde_json::from_str(older).ok();
        let older = older.map(|c| c.as_profile().bonus.and_then(|b| b.payable_share));
        assert_eq!(older, Some(None), "a card kept before it was: no line");
    }

    #[test]
    fn the_card_is_what_the_profile_shows() {
        let c = card();
        assert_eq!(c.name.as_deref(), Some("Анна"));
        assert_eq!(c.bonus_lines[0].value.as_deref(), Some("1 250"));
        assert_eq!(c.bonus_amount, Some(1250.0));
        assert_eq!(c.discount, Some(0.05));
        assert_eq!(TillCard::barcode_source(&profile()).as_deref(), Some("/barcode.png"));
        assert!(c.kept_picture("/barcode.png").is_some());
        assert!(c.kept_picture("/other.png").is_none(), "a new barcode is fetched again");
        let drawn = c.as_profile();
        assert_eq!(drawn.name(), Some("Анна"));
        assert_eq!(drawn.discount.as_ref().and_then(discount_percent).map(f64::round), Some(5.0));
        let bare = Profile::from_data(json::parse(r#"{"fields":[]}"#).ok().as_ref());
        assert_eq!(TillCard::from_profile(&bare, "f1", 1.0, None), None, "no card to keep");
    }

    #[test]
    fn the_card_stands_in_only_for_a_missing_answer() {
        let ok: Result<(), ApiError> = Ok(());
        assert_eq!(stand_in::<()>(None, false), None, "loading, not yet slow");
        assert_eq!(stand_in::<()>(None, true), Some(StandIn::Waiting));
        assert_eq!(stand_in(Some(&Err::<(), _>(ApiError::Network)), false), Some(StandIn::Offline));
        assert_eq!(stand_in(Some(&Err::<(), _>(ApiError::Timeout)), true), Some(StandIn::Offline));
        assert_eq!(stand_in(Some(&Err::<(), _>(ApiError::SessionOver)), true), None);
        assert_eq!(stand_in(Some(&Err::<(), _>(ApiError::Http { status: 500 })), false), None);
        assert_eq!(stand_in(Some(&ok), true), None);
        assert!(TillCard::in_profile(&profile()));
    }

    #[test]
    fn only_this_sessions_card_and_only_where_the_policy_keeps_one() {
        let c = card();
        assert!(c.fit_for("f1", Keeping::Always, 2_000.0));
        assert!(c.fit_for("f1", Keeping::IfTicked, 2_000.0));
        assert!(!c.fit_for("f2", Keeping::Always, 2_000.0), "another customer's card");
        assert!(!c.fit_for("f1", Keeping::Never, 2_000.0));
        assert_eq!(Keeping::of(TokenStorage::Memory), Keeping::Never);
    }

    #[test]
    fn an_edited_or_old_card_is_never_shown() {
        let fits = |c: &TillCard| c.fit_for("f1", Keeping::Always, 2_000.0);
        let edit = |f: fn(&mut TillCard)| {
            let mut c = card();
            f(&mut c);
            c
        };
        assert!(!fits(&edit(|c| c.format = 0)), "an old format");
        assert!(!fits(&edit(|c| c.saved_at_ms = 0.0)));
        assert!(!fits(&edit(|c| c.saved_at_ms = 1e15)), "saved in the future");
        for bad in [
            "javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/png,<svg onload=x>",
            "data:image/png;base64,<>",
            "https://tracker.example/pixel.png",
        ] {
            let c = TillCard { picture: Some(bad.into()), ..card() };
            assert!(!fits(&c), "{bad}");
        }
        assert!(!fits(&edit(|c| c.picture_source = None)), "a picture of no barcode");
        assert!(fits(&edit(|c| c.picture = None)), "a barcode whose picture was not kept");
        // Unknown fields and wrong types do not even read.
        let text = serde_json::to_string(&card()).unwrap_or_default();
        let with_extra = text.replacen('{', r#"{"token":"x","#, 1);
        assert!(serde_json::from_str::<TillCard>(&with_extra).is_err());
        assert!(serde_json::from_str::<TillCard>(r#"{"format":"1"}"#).is_err());
        assert!(serde_json::from_str::<TillCard>(&text).is_ok());
    }
}
