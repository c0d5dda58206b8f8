//! Server messages made fit to show: Bitrix joins several with `<br>`, others with `\n`, some
//! send nothing at all.

/// Turn `<br>` (any spelling) into a line break, trim each line, drop empty lines. `None` when
/// nothing is left, so the view shows its generic text instead of an empty alert. Any other markup
/// stays as literal text: the views never interpret server text as HTML.
pub fn clean_server_message(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        match br_tag_len(tail) {
            Some(len) => {
                out.push('\n');
                rest = &tail[len..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    let lines: Vec<&str> = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Lower-case Latin and Cyrillic letters and leave every other character as it is: enough to
/// match the Russian and English status words servers send. `str::to_lowercase` would do all of
/// Unicode, and its case tables cost the bundle more than everything else in this module.
pub fn fold_case(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'А'..='Я' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
            'Ѐ'..='Џ' => char::from_u32(u32::from(c) + 0x50).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The length of a `<br>`, `<br/>`, `<br />` or `<BR>` tag at the start of `s`.
fn br_tag_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if bytes.len() < 4 || !bytes[1..3].eq_ignore_ascii_case(b"br") {
        return None;
    }
    let close = s.find('>')?;
    let inner = s[3..close].trim();
    (inner.is_empty() || inner == "/").then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_and_cyrillic_case() {
        assert_eq!(fold_case("Отменён ЁЖ Paid"), "отменён ёж paid");
        assert_eq!(fold_case("ЀЏ ІЇ ß Ω 1"), "ѐџ ії ß Ω 1");
    }

    #[test]
    fn br_becomes_a_line_break() {
        assert_eq!(
            clean_server_message("Один.<br>Два.<br />Три<BR/>").as_deref(),
            Some("Один.\nДва.\nТри")
        );
    }

    #[test]
    fn empty_is_none() {
        assert_eq!(clean_server_message(""), None);
        assert_eq!(clean_server_message(" <br> \n "), None);
    }

    #[test]
    fn other_markup_stays_literal() {
        assert_eq!(
            clean_server_message("a <b>b</b> <brand>").as_deref(),
            Some("a <b>b</b> <brand>")
        );
    }
}
