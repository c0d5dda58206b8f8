//! URL arithmetic the cabinet needs without a URL library: resolving the config's relative
//! endpoint URLs, appending query parameters to URLs that may already carry a query, and telling
//! safe link schemes from unsafe ones.

/// Resolve `reference` against the absolute `base` (RFC 3986, section 5.2).
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let reference = reference.trim();
    if has_scheme(reference) {
        return Some(reference.to_string());
    }
    let (scheme, rest) = base.split_once("://")?;
    let (authority, base_path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let base_path_only = base_path.split(['?', '#']).next().unwrap_or("/");
    if let Some(net) = reference.strip_prefix("//") {
        return Some(format!("{scheme}://{net}"));
    }
    if reference.is_empty() {
        return Some(base.split('#').next().unwrap_or(base).to_string());
    }
    if reference.starts_with('?') {
        return Some(format!("{scheme}://{authority}{base_path_only}{reference}"));
    }
    if reference.starts_with('#') {
        let without = base.split('#').next().unwrap_or(base);
        return Some(format!("{without}{reference}"));
    }
    let (ref_path, ref_tail) = match reference.find(['?', '#']) {
        Some(i) => (&reference[..i], &reference[i..]),
        None => (reference, ""),
    };
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else {
        let dir = match base_path_only.rfind('/') {
            Some(i) => &base_path_only[..=i],
            None => "/",
        };
        format!("{dir}{ref_path}")
    };
    Some(format!("{scheme}://{authority}{}{ref_tail}", remove_dot_segments(&merged)))
}

fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i > 0 => {
            let scheme = &s[..i];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        _ => false,
    }
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// The scheme of an absolute URL, lower-cased.
pub fn scheme(url: &str) -> Option<String> {
    let url = url.trim();
    has_scheme(url).then(|| url[..url.find(':').unwrap_or(0)].to_ascii_lowercase())
}

/// Whether an absolute URL is `http` or `https` (endpoints must be).
pub fn is_http(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https"))
}

/// An image address fit for `<img src>`: relative, `http` or `https`. `data:`, `javascript:` and
/// every other scheme are refused, as are blank strings.
pub fn safe_image_src(src: &str) -> Option<&str> {
    let src = src.trim();
    if src.is_empty() || src.chars().any(char::is_control) {
        return None;
    }
    match scheme(src).as_deref() {
        None | Some("http" | "https") => Some(src),
        Some(_) => None,
    }
}

/// A path inside the cabinet that is safe to return to after signing in (`?next=`): it must be
/// an absolute path on this origin — not `//host`, not `/\host`, not a URL with a scheme.
/// The path the cabinet's routes live under, from a page's `data-base` (or its `<base href>`'s
/// path): `""` at the root, else `/a/b` — leading slash, no trailing one, nothing but a path.
/// Anything odd (a scheme, `//`, a query) means the root: the cabinet never routes off-site.
pub fn route_base(raw: &str) -> String {
    let path = raw.trim().trim_end_matches('/');
    let clean = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains(['?', '#', '\\', ':'])
        && !path.split('/').any(|s| s == "..");
    if clean {
        path.to_string()
    } else {
        String::new()
    }
}

/// An origin as `postMessage` compares them (`https://shop.example`, `http://localhost:8080`):
/// http(s), a host, an optional port, at most a trailing `/`. Lower-cased; `None` otherwise.
pub fn as_origin(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = raw.split_once("://")?;
    let host_ok = !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        && !rest.starts_with(':');
    (matches!(scheme, "http" | "https") && host_ok).then_some(raw)
}

/// The path of an absolute URL (`https://a.example/lk/?x` → `/lk/`).
pub fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or("", |(_, rest)| rest);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or("/")
}

/// `%XX` and `+` decoding; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encode a query component or a template parameter (RFC 3986 unreserved kept).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Append `key=value` pairs: with `?` when the URL has no query yet, else with `&`; before any
/// `#fragment`.
pub fn append_query(url: &str, params: &[(&str, &str)]) -> String {
    if params.is_empty() {
        return url.to_string();
    }
    let (head, fragment) = match url.find('#') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let mut out = head.to_string();
    let mut sep = if !head.contains('?') {
        '?'
    } else if head.ends_with('?') || head.ends_with('&') {
        '\0'
    } else {
        '&'
    };
    for (k, v) in params {
        if sep != '\0' {
            out.push(sep);
        }
        out.push_str(&encode_component(k));
        out.push('=');
        out.push_str(&encode_component(v));
        sep = '&';
    }
    out.push_str(fragment);
    out
}

/// Whether a URL may become a live link: `http`, `https`, `tel`, `mailto`, or a path on this site.
pub fn is_safe_link(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    match scheme(url).as_deref() {
        Some("http" | "https" | "tel" | "mailto") => true,
        Some(_) => false,
        // No scheme: a path. A colon before any slash would be read as a scheme by some
        // browsers ("javascript&colon;" tricks aside), so refuse it.
        None => !url.split('/').next().unwrap_or("").contains(':') && !url.starts_with('\\'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://shop.example/cabinet/cabinet.json";

    #[test]
    fn route_bases() {
        assert_eq!(route_base("/"), "");
        assert_eq!(route_base(""), "");
        assert_eq!(route_base("/lk/"), "/lk");
        assert_eq!(route_base(" /shop/account "), "/shop/account");
        assert_eq!(route_base("//evil.example/x"), "");
        assert_eq!(route_base("https://evil.example/"), "");
        assert_eq!(route_base("/a/../b"), "");
        assert_eq!(route_base("lk"), "");
        assert_eq!(path_of("https://a.example/lk/?x=1#y"), "/lk/");
        assert_eq!(as_origin("https://Shop.example/").as_deref(), Some("https://shop.example"));
        assert_eq!(as_origin("http://localhost:8080").as_deref(), Some("http://localhost:8080"));
        assert_eq!(as_origin("*"), None);
        assert_eq!(as_origin("https://shop.example/lk"), None);
        assert_eq!(as_origin("javascript://x"), None);
        assert_eq!(path_of("http://127.0.0.1:8080"), "/");
        assert_eq!(route_base(path_of("http://127.0.0.1:8080/")), "");
    }

    #[test]
    fn resolves_like_a_browser() {
        let r = |s| resolve(BASE, s).unwrap_or_default();
        assert_eq!(r("/api/m.php?method=a"), "https://shop.example/api/m.php?method=a");
        assert_eq!(r("api.php?method=a"), "https://shop.example/cabinet/api.php?method=a");
        assert_eq!(r("../api/x"), "https://shop.example/api/x");
        assert_eq!(r("./x"), "https://shop.example/cabinet/x");
        assert_eq!(r("//cdn.example/x"), "https://cdn.example/x");
        assert_eq!(r("http://other.example/y"), "http://other.example/y");
        assert_eq!(r("?method=b"), "https://shop.example/cabinet/cabinet.json?method=b");
        assert_eq!(
            resolve("http://127.0.0.1:8080", "api").as_deref(),
            Some("http://127.0.0.1:8080/api")
        );
    }

    #[test]
    fn query_is_appended_with_the_right_separator() {
        let p = [("offset", "20"), ("limit", "20")];
        assert_eq!(append_query("https://a/o", &p), "https://a/o?offset=20&limit=20");
        assert_eq!(
            append_query("https://a/api.php?method=userOrderHistory", &p),
            "https://a/api.php?method=userOrderHistory&offset=20&limit=20"
        );
        assert_eq!(append_query("https://a/o?", &p), "https://a/o?offset=20&limit=20");
        assert_eq!(append_query("https://a/o#x", &p), "https://a/o?offset=20&limit=20#x");
        assert_eq!(append_query("https://a/o", &[("q", "a b&c")]), "https://a/o?q=a%20b%26c");
    }

    #[test]
    fn schemes() {
        assert!(is_http("HTTPS://x"));
        assert!(!is_http("javascript:alert(1)"));
        assert_eq!(scheme(" JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("/relative"), None);
    }

    #[test]
    fn image_sources() {
        assert_eq!(safe_image_src("demo/a.svg"), Some("demo/a.svg"));
        assert_eq!(safe_image_src(" https://x/a.png "), Some("https://x/a.png"));
        assert_eq!(safe_image_src("javascript:alert(1)"), None);
        assert_eq!(safe_image_src("data:image/svg+xml,<svg onload=alert(1)>"), None);
        assert_eq!(safe_image_src(""), None);
    }
}
