//! pyglass-compiler: turns the AST from `pyglass-syntax` into code objects for the VM.
//!
//! Pipeline ([`compile`]):
//! 1. [`depth::check_depth`]: reject trees nested too deeply for the recursive passes;
//! 2. `__future__` imports are checked;
//! 3. [`fold::fold_module`]: constant folding (as CPython's AST optimizer);
//! 4. [`symtable::build`]: scopes and the scope of every name;
//! 5. code generation (one code object per module, function, lambda, class body and
//!    comprehension), each assembled from an instruction list with labels into final
//!    bytecode with an exception table and a computed stack size.
//!
//! [`verify::verify`] checks a compiled code object; the test-suite runs it on everything
//! it compiles.

mod codegen;
pub mod depth;
pub mod error;
pub mod fold;
mod future;
mod ir;
pub mod stack_effect;
pub mod symtable;
pub mod verify;

use pyglass_bytecode::CodeObject;
use pyglass_syntax::ast;
use pyglass_syntax::SyntaxError;

pub use stack_effect::stack_effect;
pub use verify::verify;

/// How the module is being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or script.
    Exec,
    /// REPL input: expression statements of the top-level code print their value with
    /// `PRINT_EXPR` (instead of discarding it with `POP_TOP`), and a leading string is
    /// printed rather than taken as a docstring.
    Interactive,
}

/// Compile a parsed module. `source` is the text it was parsed from (used for error
/// positions and lines, and for string annotations under
/// `from __future__ import annotations`).
pub fn compile(module: &ast::Module, source: &str, filename: &str, mode: Mode) -> Result<CodeObject, SyntaxError> {
    compile_inner(module, source, filename, mode).map_err(|e| e.into_syntax_error(source, filename))
}

/// Parse and compile `source`.
pub fn compile_source(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, SyntaxError> {
    let module = pyglass_syntax::parse_module(source, filename)?;
    compile(&module, source, filename, mode)
}

fn compile_inner(module: &ast::Module, source: &str, filename: &str, mode: Mode) -> error::CResult<CodeObject> {
    depth::check_depth(module)?;
    let features = future::check(module)?;
    let folded = fold::fold_module(module);
    let table = symtable::build(module)?;
    let mut compiler = codegen::Compiler::new(table, folded, source, filename, mode, features.annotations);
    compiler.compile_module(module)
}
