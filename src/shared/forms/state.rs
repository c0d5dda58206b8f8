//! The state of a server-described form — values, client-side problems, the last failure — and
//! what the view derives from it. Shared by registration and password recovery.

use leptos::prelude::*;

use crate::shared::forms::phrases::WORDS;
use wasm_bindgen::JsCast;

use crate::core::api::ApiError;
use crate::core::browser;
use crate::core::i18n::use_i18n;
use crate::core::logic::read_failure::ReadFailure;
use crate::core::ui::banner::{ErrorBanner, ReadFailureBanner};
use crate::shared::forms::inputs::{input_id, FieldInput};
use crate::shared::forms::logic::{self, ByField, Problem};
use crate::shared::forms::wire::FormField;

#[derive(Clone, Copy)]
pub struct FormState {
    pub values: RwSignal<ByField<String>>,
    pub problems: RwSignal<ByField<Problem>>,
    pub failure: RwSignal<Option<ApiError>>,
}

/// Move keyboard focus to an element by id (an input with a problem, or a message).
pub fn focus(id: &str) {
    let el = browser::element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        el.focus().ok();
    }
}

impl FormState {
    pub fn new(values: ByField<String>) -> Self {
        Self {
            values: RwSignal::new(values),
            problems: RwSignal::new(ByField::default()),
            failure: RwSignal::new(None),
        }
    }

    /// What the customer typed into a field (untracked).
    pub fn value(&self, id: &str) -> String {
        self.values.with_untracked(|v| v.get(id).cloned().unwrap_or_default())
    }

    /// A field's value as a signal, for its input.
    pub fn value_signal(&self, id: String) -> Signal<String> {
        let values = self.values;
        Signal::derive(move || values.with(|v| v.get(&id).cloned().unwrap_or_default()))
    }

    /// Store what was typed; a field's own problem goes away as it is edited.
    pub fn on_input(&self, id: String) -> Callback<String> {
        let (values, problems) = (self.values, self.problems);
        Callback::new(move |v: String| {
            problems.update(|p| p.remove(&id));
            values.update(|m| m.insert(id.clone(), v));
        })
    }

    /// Check every shown field; focus the first with a problem. `true` when all is well.
    pub fn check_all(&self, fields: &[FormField]) -> bool {
        let found: ByField<Problem> = fields
            .iter()
            .filter(|f| logic::is_shown(f))
            .filter_map(|f| logic::check(f, &self.value(&f.id)).map(|p| (f.id.clone(), p)))
            .collect();
        let first_bad = fields.iter().find(|f| found.contains(&f.id)).map(|f| f.id.clone());
        self.problems.set(found);
        match first_bad {
            Some(id) => {
                focus(&input_id(&id));
                false
            }
            None => {
                self.failure.set(None);
                true
            }
        }
    }

    /// A request failed: keep the error and put focus where it points — the field the server
    /// blamed, else the form's message area `banner_id`.
    pub fn fail(&self, error: ApiError, fields: &[FormField], banner_id: &str) {
        let blamed = match &error {
            ApiError::Rejected(r) => r
                .field_errors
                .iter()
                .filter_map(|fe| fe.field_id.clone())
                .find(|id| fields.iter().any(|f| &f.id == id && logic::is_shown(f))),
            _ => None,
        };
        self.failure.set(Some(error));
        match blamed {
            Some(id) => focus(&input_id(&id)),
            None => focus(banner_id),
        }
    }

    /// The message under a field: its client-side problem, else what the server said of it.
    pub fn field_error(&self, id: String) -> Signal<Option<String>> {
        let (problems, failure) = (self.problems, self.failure);
        let i18n = use_i18n();
        Signal::derive(move || {
            if let Some(p) = problems.with(|m| m.get(&id).copied()) {
                return Some(p.message(i18n.lang.get()).to_string());
            }
            match failure.get() {
                Some(ApiError::Rejected(r)) => r.for_field(&id).map(str::to_string),
                _ => None,
            }
        })
    }

    /// The form-level messages: everything not tied to a shown field, or a generic text when the
    /// server said no without saying why.
    pub fn banner_lines(&self, shown_ids: Signal<Vec<String>>) -> Signal<Vec<String>> {
        let failure = self.failure;
        let i18n = use_i18n();
        Signal::derive(move || match failure.get() {
            None => Vec::new(),
            Some(ApiError::Rejected(r)) => {
                let ids = shown_ids.get();
                let shown: Vec<&str> = ids.iter().map(String::as_str).collect();
                let lines = r.form_level(&shown);
                let tied = r
                    .field_errors
                    .iter()
                    .any(|e| e.field_id.as_deref().is_some_and(|id| shown.contains(&id)));
                if lines.is_empty() && !tied {
                    vec![i18n.t().error_rejected.to_string()]
                } else {
                    lines
                }
            }
            Some(e) => vec![i18n.t().api_error(&e).to_string()],
        })
    }

    /// Whether the last failure is worth a "try again" button.
    pub fn retryable(&self) -> bool {
        self.failure.get().is_some_and(|e| e.is_retryable())
    }
}

impl FormState {
    /// The input for a field, wired to this state.
    pub fn input(&self, field: FormField, is_login: bool) -> impl IntoView {
        let id = field.id.clone();
        view! {
            <FieldInput
                field
                is_login
                value=self.value_signal(id.clone())
                on_input=self.on_input(id.clone())
                error=self.field_error(id)
            />
        }
    }
}

/// The form-level message area (focusable, so a failure can move focus to it), with "try again"
/// when the failure is worth retrying.
#[component]
pub fn FormBanner(
    id: &'static str,
    state: FormState,
    lines: Signal<Vec<String>>,
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div id=id tabindex="-1" class="wc-banner-slot">
            {move || {
                let lines = lines.get();
                let retry = state.retryable().then_some(retry);
                (!lines.is_empty()).then(|| view! { <ErrorBanner lines=lines retry=retry/> })
            }}
        </div>
    }
}

/// The server's form description could not be loaded: say so, with its own reason if it gave
/// one, and offer to try again where that can help (a shop that refuses the same way twice has
/// not set the form up, and the banner says so instead).
pub fn form_load_failed(failure: ReadFailure, retry: Callback<()>) -> AnyView {
    let lead = use_i18n().of(&WORDS).form_load_failed;
    view! { <ReadFailureBanner failure lead retry/> }.into_any()
}
