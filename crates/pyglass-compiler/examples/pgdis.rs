//! Disassemble a Python file or stdin with pyglass: `cargo run -p pyglass-compiler --example pgdis -- FILE`.
use std::io::Read;

fn main() {
    let mut src = String::new();
    let name = std::env::args().nth(1);
    match &name {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => src = text,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(3);
            }
        },
        None => {
            if let Err(e) = std::io::stdin().read_to_string(&mut src) {
                eprintln!("stdin: {e}");
                std::process::exit(3);
            }
        }
    }
    let filename = name.unwrap_or_else(|| "<stdin>".into());
    match pyglass_compiler::compile_source(&src, &filename, pyglass_compiler::Mode::Exec) {
        Ok(code) => {
            print!("{}", pyglass_bytecode::dis::disassemble(&code));
            if let Err(e) = pyglass_compiler::verify(&code) {
                println!("VERIFY FAILED: {e}");
                std::process::exit(2);
            }
        }
        Err(e) => {
            println!("{}: {} (line {}, offset {}..{}:{})", e.kind.name(), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset);
            std::process::exit(1);
        }
    }
}
