//! The disassembler: a `dis`-like listing of a code object, from the opcode table.

use crate::code::{CodeObject, Constant};
use crate::opcode::{ArgKind, BinaryOp, CompareOp, Opcode};
use std::fmt::Write;

/// A short repr of a constant, for listings.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(s) => s.clone(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Complex(r, i) => format!("({r:?}+{i:?}j)"),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(code) => format!("<code object {}>", code.name),
    }
}

/// Disassemble `code` and, recursively, the code objects among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code object {}, line {}>:", code.qualname, code.firstlineno);
    let mut last_line = 0;
    for (i, ins) in code.instructions.iter().enumerate() {
        let op = ins.op();
        let arg = ins.arg();
        let line = code.location(i).line;
        let line_col = if line != last_line && line != 0 {
            last_line = line;
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let detail = describe_arg(code, op, arg);
        let arg_text = if op.arg_kind() == ArgKind::None { String::new() } else { arg.to_string() };
        let _ = writeln!(out, "{line_col} {i:>6} {:<24} {arg_text:>4} {detail}", op.name());
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

fn describe_arg(code: &CodeObject, op: Opcode, arg: u32) -> String {
    let idx = arg as usize;
    match op.arg_kind() {
        ArgKind::Const => code.constants.get(idx).map(|c| format!("({})", const_repr(c))).unwrap_or_default(),
        ArgKind::Name => code.names.get(idx).map(|n| format!("({n})")).unwrap_or_default(),
        ArgKind::Local => code.localsplus_names.get(idx).map(|n| format!("({n})")).unwrap_or_default(),
        ArgKind::Jump => format!("(to {arg})"),
        ArgKind::Num => match op {
            Opcode::BINARY_OP => BinaryOp::from_arg(arg).map(|b| format!("({})", b.symbol())).unwrap_or_default(),
            Opcode::COMPARE_OP => CompareOp::from_arg(arg).map(|c| format!("({})", c.symbol())).unwrap_or_default(),
            _ => String::new(),
        },
        ArgKind::None => String::new(),
    }
}
