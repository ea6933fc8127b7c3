//! Turning the bytes of a program into text, as CPython's tokenizer does before parsing:
//! a UTF-8 byte order mark is dropped, a PEP 263 coding declaration in the first two lines is
//! honoured for UTF-8 and Latin-1, and anything else must be valid UTF-8.

/// Why the bytes could not be decoded; `message` renders CPython's one-line SyntaxError.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Invalid UTF-8 and no declaration: the first bad byte and its 1-based line.
    NonUtf8 { byte: u8, line: usize },
    /// A declaration naming an encoding we do not know.
    UnknownEncoding(String),
}

impl DecodeError {
    /// The line CPython prints (without a traceback) for this error in `filename`.
    pub fn message(&self, filename: &str) -> String {
        match self {
            DecodeError::NonUtf8 { byte, line } => format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            ),
            DecodeError::UnknownEncoding(name) => format!("SyntaxError: encoding problem: {name}"),
        }
    }
}

/// Decodes a program's bytes.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match declared_encoding(bytes).as_deref() {
        None => {}
        Some(enc) => match normalize(enc).as_str() {
            "utf-8" | "utf8" => {}
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1" => {
                return Ok(bytes.iter().map(|&b| b as char).collect());
            }
            _ => return Err(DecodeError::UnknownEncoding(enc.to_string())),
        },
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Err(DecodeError::NonUtf8 { byte: bytes[at], line })
        }
    }
}

fn normalize(enc: &str) -> String {
    let lower = enc.to_ascii_lowercase().replace('_', "-");
    // "utf-8-unix", "latin-1-dos" and the like name the same codecs.
    for base in ["utf-8", "latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower.starts_with(&format!("{base}-")) {
            return base.to_string();
        }
    }
    lower
}

/// The encoding named by a `coding[:=]name` comment on line 1 or 2 (line 2 only counts when
/// line 1 is blank or a comment), per PEP 263.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split(|&b| b == b'\n');
    for n in 0..2 {
        let line = lines.next()?;
        let trimmed: &[u8] = {
            let start = line.iter().position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c')).unwrap_or(line.len());
            &line[start..]
        };
        if trimmed.first() != Some(&b'#') {
            // Only a blank first line lets the second line declare.
            if n == 0 && trimmed.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return None;
        }
        let text = String::from_utf8_lossy(trimmed);
        if let Some(pos) = text.find("coding") {
            let rest = &text[pos + "coding".len()..];
            if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                let name: String = rest
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_and_bom() {
        assert_eq!(decode("print('é')\n".as_bytes()).unwrap(), "print('é')\n");
        assert_eq!(decode(b"\xef\xbb\xbfx = 1\n").unwrap(), "x = 1\n");
    }

    #[test]
    fn non_utf8_reports_line_and_byte() {
        let err = decode(b"print(1)\n\n\n\"\xe9\"\n").unwrap_err();
        assert_eq!(err, DecodeError::NonUtf8 { byte: 0xe9, line: 4 });
        assert_eq!(
            err.message("/t/e5.py"),
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file /t/e5.py on line 4, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
    }

    #[test]
    fn declarations() {
        assert_eq!(decode(b"# coding: latin-1\nprint('\xe9')\n").unwrap(), "# coding: latin-1\nprint('é')\n");
        assert_eq!(decode(b"#!/usr/bin/env python\n# -*- coding: ISO-8859-1 -*-\n'\xe9'\n").unwrap().chars().nth(52), Some('é'));
        assert_eq!(decode(b"# vim: set fileencoding=utf-8 :\nx\n").unwrap(), "# vim: set fileencoding=utf-8 :\nx\n");
        assert_eq!(
            decode(b"# -*- coding: foo -*-\n").unwrap_err(),
            DecodeError::UnknownEncoding("foo".into())
        );
        // A declaration on line 3 does not count, nor one after code on line 1.
        assert!(decode(b"x = 1\n# coding: latin-1\n'\xe9'\n").is_err());
    }
}
