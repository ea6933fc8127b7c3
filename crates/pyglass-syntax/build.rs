//! Runs lalrpop on `grammar/python.lalrpop` (at the workspace root); the generated parser
//! lands in `OUT_DIR/python.rs` and is included by `src/parser.rs`.
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let grammar_dir = manifest.join("../../grammar");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    println!(
        "cargo:rerun-if-changed={}",
        grammar_dir.join("python.lalrpop").display()
    );
    println!("cargo:rerun-if-changed=build.rs");
    lalrpop::Configuration::new()
        .set_in_dir(&grammar_dir)
        .set_out_dir(&out_dir)
        .emit_rerun_directives(false)
        .process_file(grammar_dir.join("python.lalrpop"))
        .expect("lalrpop failed on grammar/python.lalrpop");
}
