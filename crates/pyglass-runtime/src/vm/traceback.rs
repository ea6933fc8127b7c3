//! Traceback text in CPython 3.13's format, including the `~~~^^^` position markers
//! under the failing expression (`Lib/traceback.py`: `_should_show_carets`,
//! `_extract_caret_anchors_from_line_segment`) and the collapsing of repeated frames.

use crate::object::PyRef;
use crate::objects::exception::TracebackData;
use crate::objects::function::CodeData;
use crate::objects::str::as_str;
use crate::vm::Vm;
use pyglass_syntax::ast::{ExprKind, StmtKind};

/// One line of a source file (1-based), if the source is known.
pub fn source_line(vm: &Vm, filename: &str, lineno: u32) -> Option<String> {
    let src = vm.ctx.sources.borrow().get(filename).cloned()?;
    src.lines().nth(lineno.checked_sub(1)? as usize).map(|l| l.to_string())
}

struct Entry {
    filename: String,
    lineno: u32,
    name: String,
    loc: pyglass_bytecode::Location,
}

pub fn format_tb(vm: &Vm, tb: &PyRef, out: &mut String) {
    let mut entries = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        let Some(td) = t.downcast::<TracebackData>() else { break };
        if let Some(code) = td.code.downcast::<CodeData>() {
            entries.push(Entry {
                filename: code.code.filename.clone(),
                lineno: td.lineno,
                name: code.code.name.clone(),
                loc: code.code.location(td.lasti as usize),
            });
        }
        cur = td.next.borrow().clone();
    }
    // Collapse runs of identical frames beyond three, as CPython does.
    let mut i = 0;
    while i < entries.len() {
        let e = &entries[i];
        let mut j = i + 1;
        while j < entries.len() && entries[j].filename == e.filename && entries[j].lineno == e.lineno && entries[j].name == e.name {
            j += 1;
        }
        let run = j - i;
        for k in i..i + run.min(3) {
            format_entry(vm, &entries[k], out);
        }
        if run > 3 {
            let more = run - 3;
            out.push_str(&format!("  [Previous line repeated {} more time{}]\n", more, if more == 1 { "" } else { "s" }));
        }
        i = j;
    }
}

fn format_entry(vm: &Vm, e: &Entry, out: &mut String) {
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.lineno, e.name));
    let Some(line) = source_line(vm, &e.filename, e.lineno) else { return };
    let stripped = line.trim_start();
    if stripped.trim_end().is_empty() {
        return;
    }
    let indent = line.len() - stripped.len();
    out.push_str("    ");
    out.push_str(stripped.trim_end());
    out.push('\n');
    // Carets only for single-line positions on this line.
    let loc = e.loc;
    if loc.line != e.lineno || loc.end_line != loc.line || loc.end_col <= loc.col {
        return;
    }
    let (start, end) = (loc.col as usize, loc.end_col as usize);
    if end > line.len() || !line.is_char_boundary(start) || !line.is_char_boundary(end) {
        return;
    }
    let segment = &line[start..end];
    let anchors = caret_anchors(segment);
    if !should_show_carets(&line, start, end, anchors.is_some()) {
        return;
    }
    let to_chars = |b: usize| line[..b].chars().count();
    let (cs, ce) = (to_chars(start), to_chars(end));
    let ci = to_chars(indent);
    let mut marks = String::new();
    for _ in ci..cs {
        marks.push(' ');
    }
    match anchors {
        Some((l, r)) => {
            let seg_chars = |b: usize| segment[..b.min(segment.len())].chars().count();
            let (lc, rc) = (seg_chars(l), seg_chars(r));
            for k in 0..(ce - cs) {
                marks.push(if k >= lc && k < rc { '^' } else { '~' });
            }
        }
        None => {
            for _ in cs..ce {
                marks.push('^');
            }
        }
    }
    out.push_str("    ");
    out.push_str(&marks);
    out.push('\n');
}

/// CPython's `_should_show_carets` for a single-line segment.
fn should_show_carets(line: &str, start: usize, end: usize, has_anchors: bool) -> bool {
    // `return f(...)` / `x = f(...)` where the call is the whole statement value: no carets.
    if let Ok(m) = pyglass_syntax::parse_module(line.trim_start(), "<tb>") {
        let shift = line.len() - line.trim_start().len();
        if let Some(st) = m.body.first() {
            let value = match &st.kind {
                StmtKind::Return(Some(v)) => match &v.kind {
                    ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name { .. }) => Some(v),
                    _ => None,
                },
                StmtKind::Assign { targets, value } if targets.len() == 1 && matches!(targets[0].kind, ExprKind::Name { .. }) => match &value.kind {
                    ExprKind::Call { .. } => Some(value),
                    _ => None,
                },
                _ => None,
            };
            if let Some(v) = value {
                if v.loc.line == 1 && v.loc.end_line == 1 && v.loc.col as usize + shift == start && v.loc.end_col as usize + shift == end {
                    return false;
                }
            }
        }
    }
    if has_anchors {
        return true;
    }
    !line[..start].trim_start().is_empty() || !line[end..].trim_end().is_empty()
}

/// Byte offsets (within the segment) of the part marked with `^` for binary operators,
/// subscripts and calls; `None` when the whole segment is marked.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let m = pyglass_syntax::parse_module(segment, "<tb>").ok()?;
    if m.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &m.body[0].kind else { return None };
    let bytes = segment.as_bytes();
    // The segment parses as one line; columns index it directly.
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let mut i = left.loc.end_col as usize;
            // Skip closing parens and whitespace to reach the operator.
            while i < bytes.len() && (bytes[i] == b')' || bytes[i].is_ascii_whitespace() || bytes[i] == b'\\' || bytes[i] == b'#') {
                i += 1;
            }
            let op_start = i;
            let mut j = op_start;
            while j < right.loc.col as usize && j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'(' {
                j += 1;
            }
            // Operators are 1-3 characters.
            let op_end = j.max(op_start + 1);
            Some((op_start, op_end))
        }
        ExprKind::Subscript { value, .. } => {
            let mut i = value.loc.end_col as usize;
            while i < bytes.len() && bytes[i] != b'[' {
                i += 1;
            }
            Some((i, e.loc.end_col as usize))
        }
        ExprKind::Call { func, .. } => {
            let mut i = func.loc.end_col as usize;
            while i < bytes.len() && bytes[i] != b'(' {
                i += 1;
            }
            Some((i, e.loc.end_col as usize))
        }
        _ => None,
    }
}

/// The `File ..., line N` / source / caret block of a SyntaxError report.
pub fn format_syntax_error_body(vm: &Vm, exc: &PyRef, out: &mut String) {
    let get = |n: &str| vm.exc_attr(exc, n);
    let filename = get("filename").and_then(|f| as_str(&f).map(|s| s.to_string()));
    let lineno = get("lineno").and_then(|l| l.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()));
    if let (Some(f), Some(l)) = (filename, lineno) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
    }
    let text = get("text").and_then(|t| as_str(&t).map(|s| s.to_string()));
    let offset = get("offset").and_then(|o| o.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small())).unwrap_or(0);
    let end_offset = get("end_offset").and_then(|o| o.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small())).unwrap_or(0);
    // CPython's `_format_syntax_error`: only spaces, newlines and form feeds are stripped
    // (a leading tab stays), and the caret line appears only when the offset falls after
    // the stripped indentation.
    if let Some(text) = text {
        let rtext: Vec<char> = text.trim_end_matches('\n').chars().collect();
        let lstart = rtext.iter().position(|c| !matches!(c, ' ' | '\n' | '\x0c')).unwrap_or(rtext.len());
        let ltext: String = rtext[lstart..].iter().collect();
        let spaces = lstart as i64;
        out.push_str("    ");
        out.push_str(&ltext);
        out.push('\n');
        let offset_given = get("offset").is_some_and(|o| o.downcast::<crate::objects::int::IntData>().is_some());
        if offset_given {
            let len_text = rtext.len() as i64 + 1;
            let mut off = offset;
            let same_line = get("end_lineno").and_then(|l| l.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small())) == get("lineno").and_then(|l| l.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()));
            let mut end = if same_line { if end_offset != 0 { end_offset } else { off } } else { rtext.len() as i64 + 1 };
            if off > len_text {
                off = rtext.len() as i64 + 1;
            }
            if end > len_text {
                end = rtext.len() as i64 + 1;
            }
            if off >= end || end < 0 {
                end = off + 1;
            }
            let colno = off - 1 - spaces;
            let end_colno = end - 1 - spaces;
            if colno >= 0 {
                let caretspace: String = ltext.chars().take(colno as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
                out.push_str("    ");
                out.push_str(&caretspace);
                for _ in 0..(end_colno - colno).max(0) {
                    out.push('^');
                }
                out.push('\n');
            }
        }
    }
}
