//! Editing a profile value in place: the value with its badge and "Edit" button, the editor
//! (typed from the registration twin when the profile gives no type), and the draft that
//! survives a sign-in. The profile page provides [`ProfileEditing`]; the blocks draw
//! [`EditableValueView`] for each editable value.

use leptos::html;
use leptos::prelude::*;

use crate::features::profile::phrases::WORDS;

use crate::core::ui::effect::effect;

use crate::core::api::ApiError;
use crate::core::i18n::use_i18n;
use crate::features::profile::editor::rules::{badge, edit_field, editor_value, Badge};
use crate::features::profile::wire::EditableValue;
use crate::shared::forms::logic::{input_kind, Purpose};
use crate::shared::forms::wire::{FieldType, FormField};
use serde::{Deserialize, Serialize};

/// The one field being edited, and what was typed into it (as its input holds it: a date as
/// `yyyy-mm-dd`, a select's option id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub field_id: String,
    pub value: String,
}

/// Editing state and commands, shared by the editable blocks.
#[derive(Clone, Copy)]
pub struct ProfileEditing {
    pub draft: RwSignal<Option<Draft>>,
    pub failure: RwSignal<Option<ApiError>>,
    /// The server answered `ok`, but the reloaded profile does not show the change.
    pub not_applied: RwSignal<bool>,
    /// The registration form's fields: the types and options of typeless profile values.
    pub registration: RwSignal<Vec<FormField>>,
    /// Values confirmed with a code in this tab (field id, value).
    pub confirmed_here: RwSignal<Vec<(String, String)>>,
    /// The field whose "Edit" button takes the focus once it is drawn again (after a save or a
    /// cancel), so the focus is not lost to the page with the editor it was in.
    pub refocus: RwSignal<Option<String>>,
    pub saving: Signal<bool>,
    pub save: Callback<()>,
    /// Send a code to confirm a field that isn't confirmed yet.
    pub confirm: Callback<EditableValue>,
}

/// A name or labelled value: shown, or edited in place; with its verification state.
#[component]
pub(in crate::features::profile) fn EditableValueView(
    field: EditableValue,
    heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<ProfileEditing>();
    let id = field.id.clone();
    let title = field.title.clone().unwrap_or_else(|| id.clone());
    let is_open = {
        let id = id.clone();
        move || editing.draft.with(|d| d.as_ref().is_some_and(|d| d.field_id == id))
    };
    let shown = {
        let (field, title) = (field.clone(), title.clone());
        move || {
            let value = field.value.clone().unwrap_or_default();
            let shown_badge = editing.confirmed_here.with(|here| badge(&field, here));
            let state = match shown_badge {
                Badge::Confirmed => Some(
                    view! { <span class="wc-badge wc-badge--ok">{i18n.of(&WORDS).verified}</span> }
                        .into_any(),
                ),
                Badge::NotConfirmed => Some(
                    view! { <span class="wc-badge wc-badge--warn">{i18n.of(&WORDS).not_verified}</span> }
                        .into_any(),
                ),
                Badge::None => None,
            };
            let label = title.clone();
            let start = {
                let (field, value) = (field.clone(), value.clone());
                move |_| {
                    let form = editing.registration.with_untracked(|r| edit_field(&field, r));
                    editing.failure.set(None);
                    editing.not_applied.set(false);
                    editing.draft.set(Some(Draft {
                        field_id: field.id.clone(),
                        value: editor_value(&form, &value),
                    }));
                }
            };
            let edit = field.editable.then(|| {
                let button = NodeRef::<html::Button>::new();
                let id = field.id.clone();
                effect(move || {
                    let Some(el) = button.get() else {
                        return;
                    };
                    if editing.refocus.with_untracked(|r| r.as_deref() == Some(id.as_str())) {
                        editing.refocus.set(None);
                        el.focus().ok();
                    }
                });
                view! {
                    <button
                        node_ref=button
                        type="button"
                        class="wc-link-button wc-edit-button"
                        aria-label=move || i18n.of(&WORDS).edit_value(&label, i18n.lang.get())
                        on:click=start
                    >
                        {move || i18n.of(&WORDS).edit}
                    </button>
                }
            });
            let confirm = (shown_badge == Badge::NotConfirmed && !value.is_empty()).then(|| {
                let f = field.clone();
                view! {
                    <button type="button" class="wc-link-button wc-confirm-button" on:click=move |_| editing.confirm.run(f.clone())>
                        {move || i18n.of(&WORDS).confirm_value}
                    </button>
                }
            });
            if heading {
                view! {
                    <h2>{value}</h2>
                    <span class="wc-row-actions">{edit}</span>
                }
                .into_any()
            } else {
                view! {
                    <span class="wc-row-title">{title.clone()}</span>
                    // A value cleared (or never given) reads as a dash, not as nothing.
                    <span class="wc-row-value">{if value.trim().is_empty() { "—".to_string() } else { value }}" "{state}</span>
                    <span class="wc-row-actions">{edit}{confirm}</span>
                }
                .into_any()
            }
        }
    };
    let editor = move || {
        let form = editing.registration.with(|r| edit_field(&field, r));
        view! { <Editor form title=title.clone()/> }
    };
    view! { {move || if is_open() { editor().into_any() } else { shown().into_any() }} }.into_any()
}

/// The inline edit form of one field: the input of the field's type (a select for a select),
/// Save and Cancel.
#[component]
fn Editor(form: FormField, title: String) -> impl IntoView {
    let i18n = use_i18n();
    let editing = expect_context::<ProfileEditing>();
    let input_id = format!("wc-edit-{}", crate::shared::forms::logic::dom_id("f", &form.id));
    let form_id = form.id.clone();
    let error_id = format!("{input_id}-error");
    let kind = input_kind(&form.field_type, &form.id, Purpose::NewValue);
    let input = NodeRef::<html::Input>::new();
    let select = NodeRef::<html::Select>::new();
    effect(move || {
        if let Some(el) = input.get() {
            el.focus().ok();
        }
        if let Some(el) = select.get() {
            el.focus().ok();
        }
    });
    let message = move || match editing.failure.get() {
        None if editing.not_applied.get() => Some(i18n.of(&WORDS).change_not_applied.to_string()),
        None => None,
        Some(ApiError::Rejected(r)) => {
            Some(r.message.unwrap_or_else(|| i18n.t().error_rejected.to_string()))
        }
        Some(e) => Some(i18n.t().api_error(&e).to_string()),
    };
    let described = {
        let error_id = error_id.clone();
        move || message().map(|_| error_id.clone())
    };
    let typed =
        move || editing.draft.with(|d| d.as_ref().map(|d| d.value.clone()).unwrap_or_default());
    let on_typed = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        editing.not_applied.set(false);
        editing.draft.update(|d| {
            if let Some(d) = d {
                d.value = value;
            }
        });
    };
    view! {
        <form class="wc-edit" novalidate on:submit=move |ev| { ev.prevent_default(); editing.save.run(()); }>
            <label for=input_id.clone()>{title}</label>
            {if form.field_type == FieldType::SelectBox {
                let options = form.options.into_iter().map(|o| {
                    let chosen = o.id.clone();
                    view! { <option value=o.id selected=move || typed() == chosen>{o.value}</option> }
                }).collect_view();
                view! {
                    <select
                        id=input_id
                        node_ref=select
                        aria-invalid=move || message().is_some().to_string()
                        aria-describedby=described
                        on:change=on_typed
                    >
                        <option value="" selected=move || typed().is_empty()>{move || i18n.t().choose}</option>
                        {options}
                    </select>
                }.into_any()
            } else {
                view! {
                    <input
                        id=input_id
                        node_ref=input
                        type=kind.input_type
                        inputmode=kind.inputmode
                        autocomplete=kind.autocomplete
                        aria-invalid=move || message().is_some().to_string()
                        aria-describedby=described
                        prop:value=typed
                        on:input=on_typed
                    />
                }.into_any()
            }}
            {move || message().map(|m| view! { <p id=error_id.clone() class="wc-field-error wc-lines" role="alert">{m}</p> })}
            <div class="wc-edit-actions">
                <button type="submit" class="wc-button wc-button--primary" aria-busy=move || editing.saving.get().to_string()>
                    {move || if editing.saving.get() { i18n.of(&WORDS).saving } else { i18n.of(&WORDS).save }}
                </button>
                <button
                    type="button"
                    class="wc-button wc-button--secondary"
                    on:click=move |_| {
                        editing.refocus.set(Some(form_id.clone()));
                        editing.draft.set(None);
                        editing.failure.set(None);
                        editing.not_applied.set(false);
                    }
                >
                    {move || i18n.t().cancel}
                </button>
            </div>
        </form>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_survives_storage() {
        let draft = Draft { field_id: "name".into(), value: "Анна \"А\"\n".into() };
        let read = |text: &str| serde_json::from_str::<Draft>(text).ok();
        assert_eq!(read(&serde_json::to_string(&draft).unwrap()), Some(draft));
        assert_eq!(read(r#"{"field_id":"name"}"#), None);
    }
}
