//! Form fields the server describes: registration (`GET regFields_url`) and password recovery
//! (`GET recovery_fields_url`).
//!
//! The server decides which inputs a form has; the cabinet draws them. Types outside the document
//! (`select_box`, `date_picker`, `checkbox`, anything newer) are kept, not rejected, so a renderer
//! can fall back to a text input.

use serde::Deserialize;
use serde_json::Value;

use super::lenient;

/// The input type of a field, or of a verification code (`code_input_type`).
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl serde::Serialize for FieldType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.wire_name())
    }
}

impl<'de> Deserialize<'de> for FieldType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::from_wire(lenient::text(d)?.as_deref()))
    }
}

/// One choice of a `select_box`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SelectOption {
    #[serde(default, deserialize_with = "lenient::id")]
    pub id: String,
    #[serde(default, deserialize_with = "lenient::id")]
    pub value: String,
}

/// One registration or recovery field, as the server describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FormField {
    #[serde(default, deserialize_with = "lenient::id")]
    pub id: String,
    #[serde(rename = "type", default = "text_type")]
    pub field_type: FieldType,
    /// As sent; may be empty (see [`FormField::label`]).
    #[serde(default, deserialize_with = "lenient::id")]
    pub title: String,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub required: bool,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub need_verification: bool,
    /// Seconds before "send again" is allowed.
    #[serde(default, deserialize_with = "lenient::whole")]
    pub time: Option<u32>,
    /// The verification screen's prompt.
    #[serde(default, deserialize_with = "lenient::non_blank")]
    pub text: Option<String>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub editable: bool,
    #[serde(default, deserialize_with = "code_type")]
    pub code_input_type: Option<FieldType>,
    /// `Some(true)` marks the login field; absent on most real servers.
    #[serde(rename = "isLogin", default, deserialize_with = "opt_flag")]
    pub is_login: Option<bool>,
    #[serde(default)]
    pub options: Vec<SelectOption>,
}

fn text_type() -> FieldType {
    FieldType::Text
}

fn code_type<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<FieldType>, D::Error> {
    Ok(lenient::non_blank(d)?.map(|name| FieldType::from_wire(Some(&name))))
}

fn opt_flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?
        .filter(|v| !v.is_null())
        .map(|v| lenient::value_as_flag(&v)))
}

impl FormField {
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

/// `data` of the registration-fields and recovery-fields answers.
#[derive(Debug, Default, Deserialize)]
pub struct FieldsData {
    #[serde(default, deserialize_with = "lenient::list")]
    pub fields: Vec<Value>,
}

impl FieldsData {
    /// Read each field on its own: an entry that is not an object, or has no id, is dropped
    /// instead of failing the whole form.
    pub fn into_fields(self) -> Vec<FormField> {
        self.fields
            .into_iter()
            .filter(Value::is_object)
            .filter_map(|v| serde_json::from_value::<FormField>(v).ok())
            .filter(|f| !f.id.trim().is_empty())
            .collect()
    }
}
