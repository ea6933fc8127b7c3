//! Compile errors compared with CPython 3.13's messages and positions (generated into
//! `tests/data/errors.golden` by `tests/gen_golden.py`). All cases are ASCII, where
//! CPython's byte-based offsets equal pyglass's character-based ones.

mod common;

use pyglass_compiler::{compile_source, Mode};

#[test]
fn errors_match_cpython() {
    let cases = common::read_golden("errors.golden");
    assert!(cases.len() > 40);
    let mut failures = Vec::new();
    for case in &cases {
        let got = match compile_source(&case.source, "<case>", Mode::Exec) {
            Ok(code) => {
                if let Err(e) = pyglass_compiler::verify(&code) {
                    failures.push(format!("=== {}: verify failed: {e}", case.name));
                }
                "OK".to_string()
            }
            Err(e) => format!("{}\n{} {}", e.msg, e.lineno, e.offset),
        };
        if got != case.expected {
            failures.push(format!("=== {}\n{}--- expected\n{}\n--- got\n{got}\n", case.name, case.source, case.expected));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn error_positions_count_characters_and_carry_the_line() {
    let src = "x = \"\u{e9}\u{e9}\"; return 1\n";
    let e = compile_source(src, "f.py", Mode::Exec).unwrap_err();
    assert_eq!(e.msg, "'return' outside function");
    assert_eq!((e.lineno, e.offset, e.end_lineno, e.end_offset), (1, 11, 1, 19));
    assert_eq!(e.text.as_deref(), Some("x = \"\u{e9}\u{e9}\"; return 1"));
    assert_eq!(e.filename, "f.py");
}

#[test]
fn async_features_are_reported() {
    let e = compile_source("async def f():\n    pass\n", "<t>", Mode::Exec).unwrap_err();
    assert_eq!(e.msg, "async functions are not supported by pyglass");
    let e = compile_source("def f():\n    await g()\n", "<t>", Mode::Exec).unwrap_err();
    assert_eq!(e.msg, "'await' outside async function");
}
