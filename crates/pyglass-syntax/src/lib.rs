//! pyglass-syntax: source text to AST.
//!
//! Pipeline: logos lexer -> layout pass (NEWLINE/INDENT/DEDENT, implicit line joining)
//! -> lalrpop parser (grammar in `grammar/python.lalrpop`) -> [`ast::Module`].
//! The only entry point other crates need is [`parse_module`].

pub mod ast;
pub mod error;

pub use error::{SyntaxError, SyntaxErrorKind};
