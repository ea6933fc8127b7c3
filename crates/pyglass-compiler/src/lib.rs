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
//!
//! # Conventions the VM relies on
//! * **Calls**: `[callable, self_or_null, args...]`; plain calls load the callable then
//!   `PUSH_NULL`, method calls use `LOAD_METHOD`. Decorators: `LOAD deco; PUSH_NULL; ...;
//!   <function>; CALL 1`. `assert x, msg`: `LOAD_ASSERTION_ERROR; PUSH_NULL; msg; CALL 1;
//!   RAISE_VARARGS 1`. `CALL_FUNCTION_EX` always gets a real tuple and (arg 1) a fresh dict.
//! * **Comprehensions** are functions with one parameter `.0`, called immediately:
//!   `<make function>; PUSH_NULL; <outermost iterable>; GET_ITER; CALL 1`.
//! * **Class bodies** store `__module__`, `__qualname__`, `__firstlineno__`, `__doc__`,
//!   `__static_attributes__`, and return `None`, or (when a method uses `super()` or
//!   `__class__`) the `__class__` cell after storing it as `__classcell__`.
//! * **Exception handling** follows CPython 3.13's exception table (see `codegen::flow`
//!   for the stack layout of every handler); `RERAISE` never adds a traceback entry, and
//!   `RERAISE 1` restores the saved `lasti` (the item just below the exception).
//! * **Generators** carry the `GENERATOR` flag and have no prologue. `yield from` is
//!   `GET_YIELD_FROM_ITER; LOAD_CONST None; SEND exit; YIELD_VALUE; JUMP_BACKWARD send`:
//!   a `YIELD_VALUE` directly after a `SEND` is a delegating yield, and while suspended
//!   there the sub-iterator is on top of the stack, so `throw()`/`close()` must be
//!   forwarded to it by the VM (CPython does this with `CLEANUP_THROW`; a `StopIteration`
//!   from the forwarded call means "pop the sub-iterator, push the value, continue at the
//!   `SEND`'s target"). Turning a `StopIteration` escaping a generator into
//!   `RuntimeError` (PEP 479) is the VM's job too.
//! * **Locations**: line 0 means "no location" (synthetic cleanup code, CPython's `--`).
//! * **Interactive mode** differs only in printing expression statements of the top-level
//!   code with `PRINT_EXPR` and in not taking a leading string as the module docstring.

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
    /// `eval()` input: one expression, whose value the code returns.
    Eval,
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
