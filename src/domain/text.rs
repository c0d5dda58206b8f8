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
