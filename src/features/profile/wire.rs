//! The profile (`GET profile_url`): a server-drawn list of blocks, plus bonus and discount.
//!
//! Each entry of `data.fields` is read on its own into a [`ProfileField`]; an entry of a type this
//! version does not know, without a type, or `null`, becomes [`ProfileField::Unknown`] so the rest
//! of the profile still shows. Images sent as `""` become `None`.

use crate::core::api::client::read_data;
use crate::core::api::json::Value;
use crate::core::api::lenient::Fields;
use crate::core::api::{ApiError, RawResponse};
use crate::features::profile::bonus;
use crate::shared::forms::wire::FieldType;

/// What an action asks the cabinet to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionKind {
    OpenUrl,
    OpenUrlExternal,
    DoCall,
    OpenProfile,
    OpenHistory,
    /// One of the shop's own screens (`openProduct`, `openCatalog`, …), mapped by config.
    Shop(String),
    /// `type: null` or no type.
    Missing,
    /// A type this version does not know.
    Unknown(String),
}

/// The shop-screen action types the document lists; config maps each to a URL template.
pub const SHOP_ACTIONS: [&str; 13] = [
    "openCategory",
    "openCatalog",
    "openProduct",
    "openSearch",
    "openCart",
    "openMainScreen",
    "openShops",
    "openArticles",
    "openFavourites",
    "openForm",
    "openGallery",
    "openContent",
    "openMenu",
];

impl ActionKind {
    pub fn from_wire(name: Option<&str>) -> Self {
        match name.map(str::trim) {
            None | Some("") => Self::Missing,
            Some("openUrl") => Self::OpenUrl,
            Some("openUrlExternal") => Self::OpenUrlExternal,
            Some("doCall") => Self::DoCall,
            Some("openProfile") => Self::OpenProfile,
            Some("openHistory") => Self::OpenHistory,
            Some(s) if SHOP_ACTIONS.contains(&s) => Self::Shop(s.to_string()),
            Some(other) => Self::Unknown(other.to_string()),
        }
    }
}

/// `{type, param}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub kind: ActionKind,
    pub param: Option<String>,
}

impl Action {
    fn from_value(v: Option<&Value>) -> Self {
        let get = |key: &str| v.and_then(|a| a.non_blank(key));
        Self { kind: ActionKind::from_wire(get("type").as_deref()), param: get("param") }
    }
}

/// A field of the profile that the customer can see, and maybe edit or verify.
#[derive(Debug, Clone, PartialEq)]
pub struct EditableValue {
    pub id: String,
    pub title: Option<String>,
    pub value: Option<String>,
    pub editable: bool,
    /// Whether the value may not be cleared (the profile's own `required`, where a server
    /// sends one; the registration field of the same id may say so too: `profile::edit`).
    pub required: bool,
    pub field_type: FieldType,
    /// `need_verification` absent means false; when false, `verified` means nothing.
    pub need_verification: bool,
    pub verification: Verification,
    pub time: Option<u32>,
    pub text: Option<String>,
    pub code_input_type: Option<FieldType>,
}

/// What the server says of a value's confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// `need_verification` false or absent.
    NotNeeded,
    Confirmed,
    NotConfirmed,
    /// `need_verification` but no `verified` at all: the published module never sends it (its
    /// `need_verification` is the field's configuration, not its state).
    Unreported,
}

/// One block of the profile, by `cabinet_field_type`.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileField {
    /// `name_field`: the customer's name, with an avatar when `image` is given.
    Name { field: EditableValue, image: Option<String> },
    /// `image_action_field`: a picture that performs an action.
    ImageAction { image: Option<String>, action: Action },
    /// `title_text_field`: a labelled value with verification state.
    TitleText(EditableValue),
    /// `text_field`: plain text (`None` when the server sent `null` or nothing).
    Text { value: Option<String> },
    /// `action_field`: a row that performs an action.
    ActionRow { value: Option<String>, action: Action, image: Option<String> },
    /// `bonus_field`: a bonus balance line.
    Bonus { title: Option<String>, value: Option<String> },
    /// `barcode_field`: a loyalty-card barcode picture.
    Barcode { image: Option<String> },
    /// `separator`: vertical space of `size` px.
    Separator { size: u32 },
    /// Unknown type, no type, or not an object: skipped by the views.
    Unknown { kind: Option<String> },
}

fn editable_value(v: &Value) -> EditableValue {
    let need_verification = v.flag("need_verification");
    EditableValue {
        id: v.id("id"),
        title: v.non_blank("title"),
        value: v.text("value"),
        editable: v.flag("editable"),
        required: v.flag("required"),
        field_type: FieldType::from_wire(v.text("type").as_deref()),
        need_verification,
        verification: match (need_verification, v.get("verified")) {
            (false, _) => Verification::NotNeeded,
            (true, None | Some(Value::Null)) => Verification::Unreported,
            (true, Some(_)) if v.flag("verified") => Verification::Confirmed,
            (true, Some(_)) => Verification::NotConfirmed,
        },
        time: v.whole("time"),
        text: v.non_blank("text"),
        code_input_type: v.non_blank("code_input_type").map(|s| FieldType::from_wire(Some(&s))),
    }
}

impl ProfileField {
    /// Read one entry of `data.fields`.
    pub fn from_value(v: &Value) -> Self {
        let kind = v.text("cabinet_field_type");
        match kind.as_deref() {
            Some("name_field") => {
                Self::Name { field: editable_value(v), image: v.non_blank("image") }
            }
            Some("image_action_field") => Self::ImageAction {
                image: v.non_blank("image"),
                action: Action::from_value(v.get("action")),
            },
            Some("title_text_field") => Self::TitleText(editable_value(v)),
            Some("text_field") => Self::Text { value: v.text("value") },
            Some("action_field") => Self::ActionRow {
                value: v.text("value"),
                action: Action::from_value(v.get("action")),
                image: v.non_blank("image"),
            },
            Some("bonus_field") => Self::Bonus { title: v.text("title"), value: v.text("value") },
            Some("barcode_field") => Self::Barcode { image: v.non_blank("image") },
            Some("separator") => Self::Separator {
                size: v.number("size").map_or(0, |s| s.clamp(0.0, 400.0).round() as u32),
            },
            _ => Self::Unknown { kind },
        }
    }
}

/// `data.bonus` (or the legacy `data.bonuses`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bonus {
    pub amount: Option<f64>,
    /// The share of an order payable with bonuses (`available_proportion` read by
    /// `profile::bonus::payable_share`); `None`: the server sent no share to show.
    pub payable_share: Option<f64>,
}

pub use crate::features::profile::bonus::Discount;

/// The profile, ready for the views.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// In the server's order, unknown entries included (the views skip them).
    pub fields: Vec<ProfileField>,
    pub bonus: Option<Bonus>,
    pub discount: Option<Discount>,
}

impl Profile {
    /// Read `data` of the profile answer (`None`: no data, an empty profile). `bonus`,
    /// `bonuses` and `discount` count only as objects (`null` and `[]` are common).
    /// Read a profile answer (a call that carried the token).
    pub fn decode(resp: &RawResponse) -> Result<Self, ApiError> {
        read_data(resp, true, Self::from_data)
    }

    pub fn from_data(data: Option<&Value>) -> Self {
        let Some(d) = data else {
            return Self::default();
        };
        let bonus = |b: &Value| Bonus {
            amount: b.number("amount"),
            payable_share: bonus::payable_share(b.get("available_proportion")),
        };
        Self {
            fields: d.entries("fields").into_iter().map(ProfileField::from_value).collect(),
            bonus: d.object("bonus").or_else(|| d.object("bonuses")).map(bonus),
            discount: d.object("discount").map(|v| Discount { value: v.number("value") }),
        }
    }

    /// The customer's name, from the first `name_field` with a value.
    pub fn name(&self) -> Option<&str> {
        self.fields.iter().find_map(|f| match f {
            ProfileField::Name { field, .. } => {
                field.value.as_deref().map(str::trim).filter(|s| !s.is_empty())
            }
            _ => None,
        })
    }
}
