//! Debug helper: `cargo run -p pyglass-syntax --example pydump < file.py` prints the
//! CPython-style `ast.dump` (or the SyntaxError) for the input.
use std::io::Read;

fn main() {
    let mut src = String::new();
    if std::io::stdin().read_to_string(&mut src).is_err() {
        eprintln!("input is not UTF-8");
        return;
    }
    match pyglass_syntax::parse_module(&src, "<stdin>") {
        Ok(m) => {
            println!("{}", pyglass_syntax::dump(&m));
            println!("{}", pyglass_syntax::dump_locations(&m));
        }
        Err(e) => println!(
            "{}: {:?} {} {} {} {} {:?}",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset,
            e.text
        ),
    }
}
