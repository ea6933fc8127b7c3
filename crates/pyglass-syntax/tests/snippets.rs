//! Compares pyglass's parse of every snippet in `tests/data/snippets.expected` with what
//! CPython 3.13 produced (see `tests/gen_expected.py`): the `ast.dump` and node locations
//! for valid code, the exception type / message / position for invalid code.

use pyglass_syntax::{dump, dump_locations, parse_module};

/// Decodes a JSON string literal (the subset `json.dumps` produces).
fn json_str(s: &str) -> String {
    let b: Vec<char> = s.trim().chars().collect();
    let mut out = String::new();
    let mut i = 1;
    let mut pending_high: Option<u32> = None;
    while i + 1 < b.len() {
        let c = b[i];
        if c == '\\' {
            let e = b[i + 1];
            i += 2;
            let ch = match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\x08',
                'f' => '\x0c',
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'u' => {
                    let hex: String = b[i..i + 4].iter().collect();
                    i += 4;
                    let v = u32::from_str_radix(&hex, 16).expect("hex");
                    if (0xD800..0xDC00).contains(&v) {
                        pending_high = Some(v);
                        continue;
                    }
                    if let Some(h) = pending_high.take() {
                        char::from_u32(0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00)).expect("pair")
                    } else {
                        char::from_u32(v).expect("char")
                    }
                }
                other => panic!("bad escape {other}"),
            };
            out.push(ch);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[test]
fn snippets_match_cpython() {
    let data = include_str!("data/snippets.expected");
    let mut lines = data.lines().peekable();
    let mut total = 0;
    let mut failures = Vec::new();
    while let Some(head) = lines.next() {
        let Some(js) = head.strip_prefix("### ") else {
            continue;
        };
        let src = json_str(js);
        let mut expected = Vec::new();
        while let Some(l) = lines.peek() {
            if l.starts_with("### ") {
                break;
            }
            expected.push(lines.next().unwrap_or_default().to_string());
        }
        total += 1;
        let got = match parse_module(&src, "<s>") {
            Ok(m) => vec![
                format!("OK {}", dump(&m)),
                format!("LOC {}", dump_locations(&m)),
            ],
            Err(e) => vec![format!(
                "ERR {}|{}|{}|{}|{}|{}",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset
            )],
        };
        if got != expected {
            failures.push(format!(
                "--- {src:?}\n  expected: {}\n  got:      {}",
                expected.join("\n            "),
                got.join("\n            ")
            ));
        }
    }
    assert!(total > 700, "only {total} snippets");
    if !failures.is_empty() {
        panic!(
            "{} of {} snippets differ from CPython:\n{}",
            failures.len(),
            total,
            failures.join("\n")
        );
    }
}
