//! `from __future__ import ...` statements: placement and feature names.

use crate::error::{CResult, CompileError};
use pyglass_syntax::ast::{Constant, ExprKind, Module, StmtKind};

/// Future features in effect for a module.
#[derive(Clone, Copy, Debug, Default)]
pub struct Features {
    /// `from __future__ import annotations`: annotations are kept as strings.
    pub annotations: bool,
}

const KNOWN: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Check the module's future imports (they must come first, after an optional docstring)
/// and collect the features they enable.
pub fn check(module: &Module) -> CResult<Features> {
    let mut features = Features::default();
    let mut leading = true;
    for (i, s) in module.body.iter().enumerate() {
        match &s.kind {
            StmtKind::ImportFrom { module: Some(m), names, level: 0 } if m == "__future__" => {
                if !leading {
                    return Err(CompileError::new(
                        "from __future__ imports must occur at the beginning of the file",
                        s.loc,
                    ));
                }
                for alias in names {
                    match alias.name.as_str() {
                        "braces" => return Err(CompileError::new("not a chance", s.loc)),
                        "annotations" => features.annotations = true,
                        name if KNOWN.contains(&name) => {}
                        name => {
                            return Err(CompileError::new(
                                format!("future feature {name} is not defined"),
                                s.loc,
                            ))
                        }
                    }
                }
            }
            StmtKind::Expr(e) if i == 0 && matches!(e.kind, ExprKind::Constant(Constant::Str(_))) => {}
            _ => leading = false,
        }
    }
    Ok(features)
}
