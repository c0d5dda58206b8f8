//! Writes what the loader does before the app, from the app's own code, as JSON to the file named
//! by its argument: the first screens (`app::first_screen`), `{"screens": {"sign-in": {"ru":
//! html, "en": html}, "shell": {…}}`, and where the sign-in form's fields are asked for,
//! `"fields": {"key": "regFields_url", "preset": "mobium-bitrix", "method": "…"}` (the config's
//! key, and the published module's preset and method name), so that the loader can ask while the
//! wasm downloads. The loader's build step (`scripts/loader.mjs`) puts both into the loader.
//! Native only; the browser has `main.rs`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use web_cabinet::app::first_screen::{draw, FirstScreen};
    use web_cabinet::core::api::Endpoint;
    use web_cabinet::core::config;
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
    let fields = serde_json::json!({
        "key": Endpoint::RegFields.config_key(),
        "preset": config::PUBLISHED_MODULE_PRESET,
        "method": config::published_module_method(Endpoint::RegFields),
    });
    let json = serde_json::json!({ "screens": screens, "fields": fields }).to_string();
    if let Err(e) = std::fs::write(&out, json) {
        eprintln!("predraw: cannot write {out}: {e}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
