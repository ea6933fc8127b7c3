//! Print a summary line per code object (qualname, argument counts, flags, fast slots),
//! in the format of `tests/codeinfo.py`, to cross-check scoping and slot layout against
//! CPython 3.11: `cargo run -q -p pyglass-compiler --example codeinfo -- FILE`.
use pyglass_bytecode::{slot_kind, CodeObject, Constant};

fn walk(co: &CodeObject, out: &mut Vec<String>) {
    let flags = co.flags & (0x20 | 0x4 | 0x8 | 0x10);
    let pick = |bit: u8| -> Vec<String> {
        co.localsplus_names
            .iter()
            .zip(&co.localsplus_kinds)
            .filter(|(_, k)| **k & bit != 0)
            .map(|(n, _)| n.clone())
            .collect()
    };
    let mut cells = pick(slot_kind::CELL);
    cells.sort();
    out.push(format!(
        "{}|{}|{}|{}|{:x}|{}|{}|{}|{}",
        co.qualname,
        co.argcount,
        co.posonlyargcount,
        co.kwonlyargcount,
        flags,
        pick(slot_kind::LOCAL).join(","),
        cells.join(","),
        pick(slot_kind::FREE).join(","),
        co.firstlineno
    ));
    for c in &co.constants {
        if let Constant::Code(inner) = c {
            walk(inner, out);
        }
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let Ok(src) = std::fs::read_to_string(&path) else { std::process::exit(3) };
    let Ok(code) = pyglass_compiler::compile_source(&src, &path, pyglass_compiler::Mode::Exec) else {
        std::process::exit(3)
    };
    let mut out = Vec::new();
    walk(&code, &mut out);
    out.sort();
    println!("{}", out.join("\n"));
}
