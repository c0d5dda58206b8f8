//! Form fields the server describes: registration (`GET regFields_url`) and password recovery
//! (`GET recovery_fields_url`).
//!
//! The server decides which inputs a form has; the cabinet draws them. Types outside the document
//! (`select_box`, `date_picker`, `checkbox`, anything newer) are kept, not rejected, so a renderer
//! can fall back to a text input.

use crate::core::api::client::read_data;
use crate::core::api::json::Value;
use crate::core::api::lenient::{self, Fields};
use crate::core::api::{ApiError, RawResponse};
use serde::{Deserialize, Serialize};

/// The input type of a field, or of a verification code (`code_input_type`). Stored (in a
/// registration draft) by its wire name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum FieldType {
    Text,
    Password,
    Email,
    Phone,
    Number,
    /// `select_box`: pick one of `options`, submit its id.
    SelectBox,
    /// `date_picker`: submitted as `dd.mm.yyyy`.
    DatePicker,
    Checkbox,
    /// Anything else, kept by name; drawn as a text input.
    Unknown(String),
}

impl From<String> for FieldType {
    fn from(name: String) -> Self {
        Self::from_wire(Some(&name))
    }
}

impl From<FieldType> for String {
    fn from(kind: FieldType) -> Self {
        kind.wire_name().to_string()
    }
}

impl FieldType {
    /// Read a wire type name; `None`/empty means `text`.
    pub fn from_wire(name: Option<&str>) -> Self {
        match name.map(str::trim).unwrap_or("") {
            "" | "text" | "string" => Self::Text,
            "password" => Self::Password,
            "email" | "e-mail" => Self::Email,
            "phone" | "tel" => Self::Phone,
            "number" | "numeric" => Self::Number,
            "select_box" | "select" => Self::SelectBox,
            "date_picker" | "date" => Self::DatePicker,
            "checkbox" => Self::Checkbox,
            other => Self::Unknown(other.to_string()),
        }
    }
}

impl FieldType {
    /// The wire name (for saving a value and reading it back).
    pub fn wire_name(&self) -> &str {
        match self {
            Self::Text => "text",
            Self::Password => "password",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Number => "number",
            Self::SelectBox => "select_box",
            Self::DatePicker => "date_picker",
            Self::Checkbox => "checkbox",
            Self::Unknown(name) => name,
        }
    }
}

/// One choice of a `select_box`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    pub id: String,
    pub value: String,
}

/// One registration or recovery field, as the server describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    pub id: String,
    pub field_type: FieldType,
    /// As sent; may be empty (see [`FormField::label`]).
    pub title: String,
    pub required: bool,
    pub need_verification: bool,
    /// Seconds before "send again" is allowed.
    pub time: Option<u32>,
    /// The verification screen's prompt.
    pub text: Option<String>,
    /// Whether the value may be changed once its code is on its way ("Изменяемое ли поле"):
    /// only an explicit `false` says no; servers leave the key out on most fields.
    pub editable: bool,
    pub code_input_type: Option<FieldType>,
    /// `Some(true)` marks the login field; absent on most real servers.
    pub is_login: Option<bool>,
    pub options: Vec<SelectOption>,
}

impl FormField {
    /// Read one entry of `data.fields`: `None` unless it is an object with an id.
    pub fn from_value(v: &Value) -> Option<Self> {
        let id = v.id("id");
        if !v.is_object() || id.trim().is_empty() {
            return None;
        }
        Some(Self {
            id,
            field_type: FieldType::from_wire(v.text("type").as_deref()),
            title: v.id("title"),
            required: v.flag("required"),
            need_verification: v.flag("need_verification"),
            time: v.whole("time"),
            text: v.non_blank("text"),
            editable: v.get("editable").filter(|e| !e.is_null()).is_none_or(lenient::value_as_flag),
            code_input_type: v.non_blank("code_input_type").map(|s| FieldType::from_wire(Some(&s))),
            is_login: v.get("isLogin").filter(|l| !l.is_null()).map(lenient::value_as_flag),
            options: v
                .entries("options")
                .into_iter()
                .filter(|o| o.is_object())
                .map(|o| SelectOption { id: o.id("id"), value: o.id("value") })
                .collect(),
        })
    }

    /// A field the cabinet describes itself (a fallback form, a profile edit).
    pub fn simple(id: &str, field_type: FieldType, title: &str, required: bool) -> Self {
        Self {
            id: id.into(),
            field_type,
            title: title.into(),
            required,
            need_verification: false,
            time: None,
            text: None,
            editable: true,
            code_input_type: None,
            is_login: None,
            options: Vec::new(),
        }
    }

    /// The text to label the input with: the title, or the id when the server sent none (a
    /// conformance slip the document forbids, but servers make).
    pub fn label(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.id
        } else {
            &self.title
        }
    }

    /// Whether the server broke the "title must not be empty" rule (worth a console warning).
    pub fn has_blank_title(&self) -> bool {
        self.title.trim().is_empty()
    }
}

/// Read a registration-fields or recovery-fields answer.
pub fn decode_fields(resp: &RawResponse) -> Result<Vec<FormField>, ApiError> {
    read_data(resp, false, form_fields)
}

/// Read `data` of the registration-fields and recovery-fields answers: each field on its own,
/// so an entry that is not an object, or has no id, is dropped instead of failing the form.
pub fn form_fields(data: Option<&Value>) -> Vec<FormField> {
    data.map(|d| d.entries("fields"))
        .unwrap_or_default()
        .into_iter()
        .filter_map(FormField::from_value)
        .collect()
}
