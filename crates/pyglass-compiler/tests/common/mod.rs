//! Helpers shared by the integration tests.
#![allow(dead_code)]

use pyglass_bytecode::{CodeObject, Constant};
use pyglass_compiler::{compile_source, verify, Mode};
use pyglass_syntax::SyntaxError;

/// Compile `src`, panicking with the error, and verify every code object.
pub fn compile_ok(src: &str) -> CodeObject {
    compile_mode(src, Mode::Exec)
}

pub fn compile_mode(src: &str, mode: Mode) -> CodeObject {
    let code = match compile_source(src, "<test>", mode) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e:?}\n--- source ---\n{src}"),
    };
    if let Err(e) = verify(&code) {
        panic!(
            "verification failed: {e}\n--- source ---\n{src}\n--- dis ---\n{}",
            pyglass_bytecode::dis::disassemble(&code)
        );
    }
    code
}

/// Compile `src` expecting a SyntaxError.
pub fn compile_err(src: &str) -> SyntaxError {
    match compile_source(src, "<test>", Mode::Exec) {
        Ok(code) => panic!("expected an error, got:\n{}", pyglass_bytecode::dis::disassemble(&code)),
        Err(e) => e,
    }
}

/// Every code object in `code` (itself first, then nested ones depth-first).
pub fn all_code(code: &CodeObject) -> Vec<&CodeObject> {
    let mut out = vec![code];
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            out.extend(all_code(inner));
        }
    }
    out
}

/// The nested code object with the given qualname.
pub fn find_code<'a>(code: &'a CodeObject, qualname: &str) -> &'a CodeObject {
    all_code(code)
        .into_iter()
        .find(|c| c.qualname == qualname)
        .unwrap_or_else(|| panic!("no code object {qualname}"))
}

/// Opcode names of a code object, in order.
pub fn ops(code: &CodeObject) -> Vec<&'static str> {
    code.instructions.iter().map(|i| i.op().name()).collect()
}

/// One record of a golden file: name, source, expected output.
pub struct Golden {
    pub name: String,
    pub source: String,
    pub expected: String,
}

/// Parse a golden file written by `tests/gen_golden.py`.
pub fn read_golden(path: &str) -> Vec<Golden> {
    let full = format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(name) = line.strip_prefix("=== ") else { continue };
        let mut source = String::new();
        for l in lines.by_ref() {
            if l == "---" {
                break;
            }
            source.push_str(l);
            source.push('\n');
        }
        let mut expected = Vec::new();
        while let Some(l) = lines.peek() {
            if l.starts_with("=== ") {
                break;
            }
            expected.push(*l);
            lines.next();
        }
        out.push(Golden { name: name.to_string(), source, expected: expected.join("\n") });
    }
    out
}
