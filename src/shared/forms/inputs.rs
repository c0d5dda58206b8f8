//! One renderer per field type the servers send, picked by [`FieldInput`]; anything unknown is a
//! text input. Every input is labelled, marks required fields, and ties its error message to
//! itself with `aria-describedby` and `aria-invalid`.

use leptos::prelude::*;

use crate::core::i18n::use_i18n;
use crate::core::ui::reveal::RevealToggle;
use crate::shared::forms::logic::{dom_id, field_input_kind};
use crate::shared::forms::wire::{FieldType, FormField};

/// The DOM id of a form field's input, for focusing it.
pub fn input_id(field_id: &str) -> String {
    dom_id("wc-f", field_id)
}

#[component]
pub fn FieldInput(
    field: FormField,
    /// This is the login field (`autocomplete="username"`).
    is_login: bool,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = input_id(&field.id);
    let error_id = format!("{id}-error");
    let required = field.required;
    let label = field.label().to_string();
    let mark = required.then(|| view! { <span class="wc-required" aria-hidden="true">" *"</span> });
    let invalid = move || error.get().is_some().to_string();
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    let message = move || {
        let error_id = error_id.clone();
        error.get().map(|m| view! { <p id=error_id class="wc-field-error wc-lines">{m}</p> })
    };
    let kind = field_input_kind(&field, is_login);

    match field.field_type {
        FieldType::Checkbox => view! {
            <div class="wc-field">
                <div class="wc-check">
                    <input
                        id=id.clone()
                        type="checkbox"
                        required=required
                        aria-invalid=invalid
                        aria-describedby=described
                        prop:checked=move || value.get() == "Y"
                        on:change=move |ev| on_input.run(if event_target_checked(&ev) { "Y" } else { "N" }.into())
                    />
                    <label for=id>{label}{mark}</label>
                </div>
                {message}
            </div>
        }
        .into_any(),
        FieldType::SelectBox => {
            let options = field
                .options
                .into_iter()
                .map(|o| {
                    let chosen = o.id.clone();
                    view! { <option value=o.id selected=move || value.get() == chosen>{o.value}</option> }
                })
                .collect_view();
            view! {
                <div class="wc-field">
                    <label for=id.clone()>{label}{mark}</label>
                    <select
                        id=id
                        required=required
                        aria-invalid=invalid
                        aria-describedby=described
                        on:change=move |ev| on_input.run(event_target_value(&ev))
                    >
                        <option value="" selected=move || value.get().is_empty()>{move || i18n.t().choose}</option>
                        {options}
                    </select>
                    {message}
                </div>
            }
            .into_any()
        }
        _ if kind.masked => {
            let shown = RwSignal::new(false);
            view! {
                <div class="wc-field">
                    <label for=id.clone()>{label}{mark}</label>
                    <div class="wc-password">
                        <input
                            id=id.clone()
                            type=move || if shown.get() { "text" } else { "password" }
                            autocomplete=kind.autocomplete
                            required=required
                            aria-invalid=invalid
                            aria-describedby=described
                            prop:value=move || value.get()
                            on:input=move |ev| on_input.run(event_target_value(&ev))
                        />
                        <RevealToggle shown controls=id/>
                    </div>
                    {message}
                </div>
            }
            .into_any()
        }
        // Text, e-mail, phone, number, date — and any type this version doesn't know.
        _ => view! {
            <div class="wc-field">
                <label for=id.clone()>{label}{mark}</label>
                <input
                    id=id
                    type=kind.input_type
                    inputmode=kind.inputmode
                    autocomplete=kind.autocomplete
                    autocapitalize=if matches!(kind.input_type, "email" | "tel") || is_login { "none" } else { "sentences" }
                    spellcheck="false"
                    required=required
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
                {message}
            </div>
        }
        .into_any(),
    }
}
