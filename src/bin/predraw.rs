//! Writes the first screens (`app::first_screen`) as JSON, `{"sign-in": {"ru": html, "en":
//! html}, "shell": {…}}`, to the file named by its argument: the loader's build step
//! (`scripts/loader.mjs`) puts them into the loader. Native only; the browser has `main.rs`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use web_cabinet::app::first_screen::{draw, FirstScreen};
    use web_cabinet::core::logic::locale::Lang;

    let Some(out) = std::env::args().nth(1) else {
        eprintln!("predraw: name the file to write");
        return std::process::ExitCode::from(2);
    };
    let mut screens = serde_json::Map::new();
    for screen in FirstScreen::ALL {
        let by_lang: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .into_iter()
            .map(|lang| (lang.tag().into(), draw(screen, lang).into()))
            .collect();
        screens.insert(screen.name().into(), by_lang.into());
    }
    let json = serde_json::Value::Object(screens).to_string();
    if let Err(e) = std::fs::write(&out, json) {
        eprintln!("predraw: cannot write {out}: {e}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
