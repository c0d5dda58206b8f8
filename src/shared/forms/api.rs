//! The registration form's fields: the form itself on the registration page, and what the other
//! screens learn from it — which field is the login (sign-in), the type and options of a
//! typeless profile value (the profile editor).

use leptos::prelude::*;

use crate::core::api::{ApiError, Client, Endpoint};
use crate::core::i18n::use_i18n;
use crate::core::ui::load::Load;
use crate::shared::forms::wire::{decode_fields, FormField};

impl Client {
    /// `GET regFields_url`.
    pub async fn registration_fields(&self) -> Result<Vec<FormField>, ApiError> {
        let resp = self.get(Endpoint::RegFields, None, Vec::new()).await?;
        decode_fields(&resp)
    }
}

/// The registration fields, loaded again when the customer switches language (the server
/// writes their titles in the request's language).
pub fn registration_fields(client: &Client) -> Load<Result<Vec<FormField>, ApiError>> {
    let i18n = use_i18n();
    let client = client.clone();
    Load::new(move || {
        let _ = i18n.lang.get();
        let client = client.clone();
        async move { client.registration_fields().await }
    })
}
