//! The first screen the loader drew before the wasm arrived (`app::first_screen`, drawn at build
//! time from the app's own views), handed over to the app. The customer may have typed into it,
//! left the caret somewhere and pressed "Sign in": the app's screen starts from what was typed
//! ([`typed`], [`checked`]), and [`finish`] — called once the app's own screen is on the page —
//! takes the first screen away, puts the focus and caret where they were, and sends a form the
//! customer submitted (the loader kept that submit from going anywhere).
//!
//! What the first screen holds is read once, at the first question, and every later question is
//! answered from that reading: the app asks while it draws and finishes right after, in the same
//! turn of the event loop, so nothing the customer types can fall in between.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::core::browser;

/// The loader marks the first screen with this attribute.
const FIRST_SCREEN: &str = "[data-first-screen]";
/// Set on the first screen by the loader when the customer submitted its form.
const SUBMITTED: &str = "data-submitted";

/// Where the focus was, and the caret or selection in it.
#[derive(Clone, Debug)]
struct Focus {
    id: String,
    selection: Option<(u32, u32)>,
}

#[derive(Clone, Debug, Default)]
struct Reading {
    /// Text inputs by id.
    values: Vec<(String, String)>,
    /// Checkboxes by id.
    checked: Vec<(String, bool)>,
    focus: Option<Focus>,
    /// The id of an input in the form the customer submitted.
    submitted_in: Option<String>,
    /// The inputs whose values the app's screen took (`typed`).
    handed: Vec<String>,
}

thread_local! {
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
}

fn first_screen() -> Option<web_sys::Element> {
    // Drawing the first screen itself, at build time, there is no page (nor a browser).
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    // In the mount element on the cabinet's own page, in the shadow root on a shop's.
    browser::select_in_tree(FIRST_SCREEN)
}

fn read(screen: &web_sys::Element) -> Reading {
    let mut reading = Reading::default();
    let inputs = screen.query_selector_all("input[id]").ok();
    for input in inputs.iter().flat_map(|list| (0..list.length()).filter_map(|i| list.get(i))) {
        let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() else {
            continue;
        };
        let id = input.id();
        if input.type_() == "checkbox" {
            reading.checked.push((id, input.checked()));
        } else {
            reading.values.push((id, input.value()));
        }
    }
    let active = browser::focused_element().filter(|active| screen.contains(Some(active)));
    reading.focus = active.filter(|a| !a.id().is_empty()).map(|active| Focus {
        id: active.id(),
        // Inputs without a caret (a checkbox, an e-mail field) have no selection to keep.
        selection: active
            .dyn_ref::<web_sys::HtmlInputElement>()
            .and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??))),
    });
    if screen.has_attribute(SUBMITTED) {
        let first_input = screen.query_selector("form input[id]").ok().flatten();
        reading.submitted_in = first_input.map(|input| input.id());
    }
    reading
}

/// The first screen, read once; `None` when the loader drew none.
fn reading<T>(answer: impl FnOnce(&mut Reading) -> T) -> Option<T> {
    READING.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = first_screen().map(|screen| read(&screen));
        }
        cell.as_mut().map(answer)
    })
}

/// Whether a first screen is on the page, still waiting for the app.
pub fn waiting() -> bool {
    first_screen().is_some()
}

/// What the customer typed into the first screen's input `id` (`None`: no such input there).
pub fn typed(id: &str) -> Option<String> {
    reading(|reading| {
        let value = reading.values.iter().find(|(i, _)| i == id).map(|(_, v)| v.clone());
        reading.handed.push(id.to_string());
        value
    })?
}

/// Whether the first screen's checkbox `id` was ticked.
pub fn checked(id: &str) -> Option<bool> {
    reading(|reading| reading.checked.iter().find(|(i, _)| i == id).map(|(_, c)| *c))?
}

/// The app's screen is on the page: the first screen goes; the focus, the caret and a submitted
/// form carry over to the app's elements with the same ids.
pub fn finish() {
    let Some(screen) = first_screen() else {
        return;
    };
    let reading = reading(std::mem::take).unwrap_or_default();
    screen.remove();
    // What was typed (a password among it) is the app's now: `take` left nothing behind.
    let element =
        |id: &str| browser::element_by_id(id)?.dyn_into::<web_sys::HtmlInputElement>().ok();
    // The app's screen took these values (`typed`), but Leptos writes them into its inputs a
    // moment later, and writing a value moves the caret to its end: written now, the caret set
    // below stays (the same value written again moves nothing).
    for (id, value) in reading.values.iter().filter(|(id, _)| reading.handed.contains(id)) {
        if let Some(input) = element(id) {
            input.set_value(value);
        }
    }
    if let Some(focus) = &reading.focus {
        if let Some(input) = element(&focus.id) {
            input.focus().ok();
            if let Some((start, end)) = focus.selection {
                input.set_selection_range(start, end).ok();
            }
        }
    }
    if let Some(form) = reading.submitted_in.as_deref().and_then(element).and_then(|i| i.form()) {
        // The app's own submit handler sends it, as if pressed now.
        form.request_submit().ok();
    }
}
