//! Traceback text in CPython 3.13's format: every source line of the failing
//! instruction's span, dedented as a block, with the `~~~^^^` position markers under it
//! when CPython shows them (`Lib/traceback.py`: `StackSummary.format_frame_summary`,
//! `_should_show_carets`, `_extract_caret_anchors_from_line_segment`), and the collapsing
//! of repeated frames.

use crate::object::PyRef;
use crate::objects::exception::TracebackData;
use crate::objects::function::CodeData;
use crate::objects::str::as_str;
use crate::vm::Vm;
use pyglass_syntax::ast::{Expr, ExprKind, StmtKind};

/// One line of a source file (1-based), if the source is known.
pub fn source_line(vm: &Vm, filename: &str, lineno: u32) -> Option<String> {
    let src = vm.ctx.sources.borrow().get(filename).cloned()?;
    src.lines().nth(lineno.checked_sub(1)? as usize).map(|l| l.to_string())
}

struct Entry {
    filename: String,
    /// The first line of the instruction's span (the frame's line when it has none).
    lineno: u32,
    name: String,
    /// `(end_lineno, colno, end_colno)`: the rest of the span, when columns are known.
    span: Option<(u32, u32, u32)>,
}

pub fn format_tb(vm: &Vm, tb: &PyRef, out: &mut String) {
    let mut entries = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        let Some(td) = t.downcast::<TracebackData>() else { break };
        if let Some(code) = td.code.downcast::<CodeData>() {
            let loc = code.code.location(td.lasti as usize);
            // CPython takes the line from the instruction's position when it has one.
            let lineno = if loc.line != 0 { loc.line } else { td.lineno };
            let has_cols = loc.line != 0
                && (loc.end_line > loc.line || (loc.end_line == loc.line && loc.end_col > loc.col));
            entries.push(Entry {
                filename: code.code.filename.clone(),
                lineno,
                name: code.code.name.clone(),
                span: has_cols.then_some((loc.end_line, loc.col, loc.end_col)),
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

// ----- Python string helpers (the traceback module works on `str`, so in characters) -----

/// `str.isspace` for one character.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn py_rstrip(s: &str) -> &str {
    s.trim_end_matches(py_space)
}

fn py_lstrip(s: &str) -> &str {
    s.trim_start_matches(py_space)
}

/// `str.splitlines(keepends)`: every line boundary Python knows.
fn py_splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let brk = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !brk {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(if keepends { &s[start..end] } else { &s[start..i] });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `_byte_offset_to_character_offset`: characters in the first `offset` UTF-8 bytes, a
/// character cut in two counting as one (the replacement character).
fn byte_to_char(s: &str, offset: usize) -> usize {
    s.char_indices().take_while(|(b, _)| *b < offset).count()
}

/// `_display_width`: columns taken by the first `offset` characters, East Asian wide and
/// fullwidth characters counting two.
fn display_width(line: &str, offset: usize) -> usize {
    if line.is_ascii() {
        return offset;
    }
    line.chars().take(offset).map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    let c = c as u32;
    WIDE_RANGES.binary_search_by(|&(lo, hi)| if hi < c { std::cmp::Ordering::Less } else if lo > c { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }).is_ok()
}

/// `textwrap.dedent`: remove the longest common run of leading spaces and tabs from the
/// `\n`-separated lines, ignoring lines of only spaces and tabs (which become empty).
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').map(|l| if !l.is_empty() && l.bytes().all(|b| b == b' ' || b == b'\t') { "" } else { l }).collect();
    let mut margin: Option<&str> = None;
    for l in &lines {
        if l.is_empty() {
            continue;
        }
        let indent = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
        margin = Some(match margin {
            None => indent,
            Some(m) if indent.starts_with(m) => m,
            Some(m) if m.starts_with(indent) => indent,
            Some(m) => {
                let common = m.bytes().zip(indent.bytes()).take_while(|(a, b)| a == b).count();
                &m[..common]
            }
        });
    }
    let margin = margin.unwrap_or("");
    lines.iter().map(|l| l.strip_prefix(margin).unwrap_or(l)).collect::<Vec<_>>().join("\n")
}

/// `textwrap.indent(text, prefix, lambda line: True)`.
fn indent_all(text: &str, prefix: &str) -> String {
    py_splitlines(text, true).iter().map(|l| format!("{prefix}{l}")).collect()
}

// ----- One frame -----

fn format_entry(vm: &Vm, e: &Entry, out: &mut String) {
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.lineno, e.name));
    let Some(src) = vm.ctx.sources.borrow().get(&e.filename).cloned() else { return };
    let src_lines: Vec<&str> = src.lines().collect();
    let end_lineno = e.span.map_or(e.lineno, |s| s.0);
    // `FrameSummary._lines`: the span's lines, right-stripped, each ending in "\n".
    let mut text = String::new();
    for n in e.lineno..=end_lineno {
        let l = n.checked_sub(1).and_then(|i| src_lines.get(i as usize)).copied().unwrap_or("");
        text.push_str(py_rstrip(l));
        text.push('\n');
    }
    let dedented = dedent(&text);
    if py_rstrip(py_lstrip(&dedented)).is_empty() {
        return;
    }
    let Some((_, colno, end_colno)) = e.span else {
        // No column information: only the first line, stripped.
        let first = py_splitlines(&text, false).first().copied().unwrap_or("");
        out.push_str("    ");
        out.push_str(py_rstrip(py_lstrip(first)));
        out.push('\n');
        return;
    };
    if let Some(s) = format_span(&text, &dedented, (end_lineno - e.lineno) as usize, colno as usize, end_colno as usize) {
        out.push_str(&s);
    }
}

/// Where the `^` markers start and stop inside the span (CPython's `_Anchors`): line
/// indexes into the segment's lines, character offsets within them.
struct Anchors {
    left_line: usize,
    left_off: usize,
    right_line: usize,
    right_off: usize,
}

/// The source lines (and marker lines) of a span of `nlines + 1` lines from character
/// `colno` of the first to `end_colno` of the last (UTF-8 byte offsets), already indented.
fn format_span(original: &str, dedented: &str, last: usize, colno: usize, end_colno: usize) -> Option<String> {
    let orig_lines = py_splitlines(original, false);
    let first_line = *orig_lines.first()?;
    let last_line = *orig_lines.get(last)?;
    let mut start_offset = byte_to_char(first_line, colno);
    let mut end_offset = byte_to_char(last_line, end_colno);
    let all_lines: Vec<&str> = py_splitlines(dedented, false).into_iter().take(last + 1).collect();
    let dedent_chars = char_len(first_line).checked_sub(char_len(all_lines.first()?))?;
    start_offset = start_offset.saturating_sub(dedent_chars);
    end_offset = end_offset.saturating_sub(dedent_chars);
    let nl = all_lines.len();
    let dp_start = display_width(all_lines[0], start_offset);
    let dp_end = display_width(all_lines[nl - 1], end_offset);

    // The code of the instruction itself.
    let joined: Vec<char> = all_lines.join("\n").chars().collect();
    let seg_end = (joined.len() + end_offset).saturating_sub(char_len(all_lines[nl - 1])).min(joined.len());
    let seg_start = start_offset.min(seg_end);
    let segment: String = joined[seg_start..seg_end].iter().collect();

    let anchors = caret_anchors(&segment);
    let show_carets = should_show_carets(start_offset, end_offset, &all_lines, anchors.is_some());

    let mut significant = std::collections::BTreeSet::new();
    significant.insert(0i64);
    significant.insert(nl as i64 - 1);
    let (mut left_off, mut right_off) = (0, 0);
    if let Some(a) = &anchors {
        left_off = a.left_off;
        right_off = a.right_off;
        if a.left_line == 0 {
            left_off += start_offset;
        }
        if a.right_line == 0 {
            right_off += start_offset;
        }
        left_off = display_width(all_lines.get(a.left_line)?, left_off);
        right_off = display_width(all_lines.get(a.right_line)?, right_off);
        for l in [a.left_line, a.right_line] {
            let l = l as i64;
            significant.extend([l - 1, l, l + 1]);
        }
    }
    significant.remove(&-1);
    significant.remove(&(nl as i64));

    let mut result = String::new();
    let output_line = |lineno: usize, result: &mut String| {
        let line = all_lines[lineno];
        result.push_str(line);
        result.push('\n');
        if !show_carets {
            return;
        }
        let num_spaces = char_len(line) - char_len(py_lstrip(line));
        let num_carets = if lineno == nl - 1 { dp_end } else { display_width(line, char_len(line)) };
        for col in 0..num_carets {
            let within = anchors.as_ref().is_some_and(|a| {
                (lineno > a.left_line || (lineno == a.left_line && col >= left_off))
                    && (lineno < a.right_line || (lineno == a.right_line && col < right_off))
            });
            result.push(if col < num_spaces || (lineno == 0 && col < dp_start) {
                ' '
            } else if within {
                '^'
            } else if anchors.is_some() {
                '~'
            } else {
                '^'
            });
        }
        result.push('\n');
    };
    let sig: Vec<i64> = significant.into_iter().collect();
    for (i, &l) in sig.iter().enumerate() {
        if l >= nl as i64 {
            continue;
        }
        if i > 0 {
            let diff = l - sig[i - 1];
            if diff == 2 {
                output_line(l as usize - 1, &mut result);
            } else if diff > 2 {
                result.push_str(&format!("...<{} lines>...\n", diff - 1));
            }
        }
        output_line(l as usize, &mut result);
    }
    Some(indent_all(&dedent(&result), "    "))
}

/// CPython's `_should_show_carets`: no markers when the instruction is the call that makes
/// up a whole `return f(...)` / `x = f(...)` statement, or covers its lines entirely.
fn should_show_carets(start_offset: usize, end_offset: usize, all_lines: &[&str], has_anchors: bool) -> bool {
    if let Ok(m) = pyglass_syntax::parse_module(&all_lines.join("\n"), "<tb>") {
        let Some(st) = m.body.first() else { return false };
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
        // As CPython, the node's byte columns are compared with character offsets.
        if let Some(v) = value {
            if v.loc.line == 1 && v.loc.end_line as usize == all_lines.len() && v.loc.col as usize == start_offset && v.loc.end_col as usize == end_offset {
                return false;
            }
        }
    }
    if has_anchors {
        return true;
    }
    let first = all_lines[0];
    let last = all_lines[all_lines.len() - 1];
    let before: String = first.chars().take(start_offset).collect();
    let after: String = last.chars().skip(end_offset).collect();
    !py_lstrip(&before).is_empty() || !py_rstrip(&after).is_empty()
}

/// CPython's `_extract_caret_anchors_from_line_segment`: for a binary operation the
/// operator, for a subscript or call the brackets (through the end), are marked `^` and
/// the rest `~`. `None` when the segment is none of those (everything is marked `^`).
fn caret_anchors(segment: &str) -> Option<Anchors> {
    let m = pyglass_syntax::parse_module(&format!("(\n{segment}\n)"), "<tb>").ok()?;
    if m.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &m.body[0].kind else { return None };
    let lines: Vec<Vec<char>> = py_splitlines(segment, false).iter().map(|l| l.chars().collect()).collect();
    let line_strs: Vec<&str> = py_splitlines(segment, false);
    // Line index into `lines` of a 1-based line of the parsed text ("(" comes first).
    let seg_line = |l: u32| (l as usize).checked_sub(2);
    let normalize = |l: usize, off: u32| -> Option<usize> { Some(byte_to_char(line_strs.get(l)?, off as usize)) };
    let next_valid = |mut l: usize, mut c: usize| -> Option<(usize, usize)> {
        while l < lines.len() && c >= lines[l].len() {
            c = 0;
            l += 1;
        }
        (l < lines.len() && c < lines[l].len()).then_some((l, c))
    };
    let increment_until = |mut l: usize, mut c: usize, stop: &dyn Fn(char) -> bool| -> Option<(usize, usize)> {
        loop {
            let ch = *lines.get(l)?.get(c)?;
            if ch == '\\' || ch == '#' {
                (l, c) = next_valid(l + 1, 0)?;
            } else if !stop(ch) {
                (l, c) = next_valid(l, c + 1)?;
            } else {
                return Some((l, c));
            }
        }
    };
    let end_of = |x: &Expr, force_valid: bool| -> Option<(usize, usize)> {
        let l = seg_line(x.loc.end_line)?;
        let c = normalize(l, x.loc.end_col)?;
        if force_valid {
            next_valid(l, c)
        } else {
            Some((l, c))
        }
    };
    let bracketed = |inner: &Expr, open: char| -> Option<Anchors> {
        let (ll, lc) = end_of(inner, true)?;
        let (ll, lc) = increment_until(ll, lc, &|ch| ch == open)?;
        let (rl, rc) = end_of(e, false)?;
        Some(Anchors { left_line: ll, left_off: lc, right_line: rl, right_off: rc })
    };
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (l, c) = end_of(left, true)?;
            let (l, c) = increment_until(l, c, &|ch| !py_space(ch) && ch != ')')?;
            // The operator is one or two characters, before the right operand.
            let mut right_col = c + 1;
            let line = &lines[l];
            if right_col < line.len() {
                let rl = seg_line(right.loc.line)?;
                let before_right = rl > l || right_col < normalize(rl, right.loc.col)?;
                let ch = line[right_col];
                if before_right && !py_space(ch) && ch != '\\' && ch != '#' {
                    right_col += 1;
                }
            }
            Some(Anchors { left_line: l, left_off: c, right_line: l, right_off: right_col })
        }
        ExprKind::Subscript { value, .. } => bracketed(value, '['),
        ExprKind::Call { func, .. } => bracketed(func, '('),
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

// ----- "Did you mean" suggestions (CPython 3.13's `traceback._compute_suggestion_error`
// with `Python/suggestions.c`) -----

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        return CASE_COST;
    }
    MOVE_COST
}

/// Levenshtein distance with CPython's costs (a case change costs 1, anything else 2),
/// giving up above `max_cost`; on UTF-8 bytes, as `suggestions.c`.
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            if result < minimum {
                minimum = result;
            }
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name` (CPython's `_Py_CalculateSuggestions`).
pub fn calculate_suggestion<'a>(candidates: &'a [String], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let max_distance = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best
}

/// `sys.stdlib_module_names` of CPython 3.13 (for "Did you forget to import").
pub const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__", "_abc", "_aix_support", "_android_support", "_ast", "_asyncio", "_bisect", "_blake2", "_bz2", "_codecs",
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc", "_colorize", "_compat_pickle",
    "_compression", "_contextvars", "_csv", "_ctypes", "_curses", "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree",
    "_frozen_importlib", "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp", "_interpchannels", "_interpqueues", "_interpreters",
    "_io", "_ios_support", "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_multibytecodec", "_multiprocessing",
    "_opcode", "_opcode_metadata", "_operator", "_osx_support", "_overlapped", "_pickle", "_posixshmem", "_posixsubprocess", "_py_abc", "_pydatetime",
    "_pydecimal", "_pyio", "_pylong", "_pyrepl", "_queue", "_random", "_scproxy", "_sha1", "_sha2", "_sha3",
    "_signal", "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime",
    "_struct", "_suggestions", "_symtable", "_sysconfig", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc", "_typing",
    "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_wmi", "_zoneinfo", "abc", "antigravity", "argparse",
    "array", "ast", "asyncio", "atexit", "base64", "bdb", "binascii", "bisect", "builtins", "bz2",
    "cProfile", "calendar", "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys", "compileall",
    "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg", "csv", "ctypes", "curses", "dataclasses",
    "datetime", "dbm", "decimal", "difflib", "dis", "doctest", "email", "encodings", "ensurepip", "enum",
    "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc",
    "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq",
    "hmac", "html", "http", "idlelib", "imaplib", "importlib", "inspect", "io", "ipaddress", "itertools",
    "json", "keyword", "linecache", "locale", "logging", "lzma", "mailbox", "marshal", "math", "mimetypes",
    "mmap", "modulefinder", "msvcrt", "multiprocessing", "netrc", "nt", "ntpath", "nturl2path", "numbers", "opcode",
    "operator", "optparse", "os", "pathlib", "pdb", "pickle", "pickletools", "pkgutil", "platform", "plistlib",
    "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr",
    "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib", "resource",
    "rlcompleter", "runpy", "sched", "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal",
    "site", "smtplib", "socket", "socketserver", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat",
    "statistics", "string", "stringprep", "struct", "subprocess", "symtable", "sys", "sysconfig", "syslog", "tabnanny",
    "tarfile", "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit", "tkinter", "token",
    "tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types", "typing",
    "unicodedata", "unittest", "urllib", "uuid", "venv", "warnings", "wave", "weakref", "webbrowser", "winreg",
    "winsound", "wsgiref", "xml", "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
];

/// The key order of CPython's `builtins.__dict__` (ties between equally close builtins
/// go to the first one, so the order matters).
const CPYTHON_BUILTINS_ORDER: &[&str] = &[
    "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__", "abs", "all", "any",
    "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval",
    "exec", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance",
    "issubclass", "iter", "aiter", "len", "locals", "max", "min", "next", "anext", "oct",
    "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars", "None",
    "Ellipsis", "NotImplemented", "False", "True", "bool", "memoryview", "bytearray", "bytes", "classmethod", "complex",
    "dict", "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map", "object",
    "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
    "__debug__", "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError",
    "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError", "RuntimeError", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError", "ZeroDivisionError", "BytesWarning",
    "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning",
    "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
    "TimeoutError", "IndentationError", "_IncompleteInputError", "IndexError", "KeyError", "ModuleNotFoundError", "NotImplementedError", "PythonFinalizationError", "RecursionError", "UnboundLocalError",
    "UnicodeError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup",
    "EnvironmentError", "IOError", "open", "quit", "exit", "copyright", "credits", "license", "help",
];

fn dict_str_keys(d: &PyRef) -> Vec<String> {
    d.downcast::<crate::objects::dict::DictData>().map(|d| d.keys().iter().filter_map(|k| as_str(k).map(|s| s.to_string())).collect()).unwrap_or_default()
}

fn builtins_candidates(vm: &Vm) -> Vec<String> {
    let ours = dict_str_keys(&vm.ctx.builtins);
    let mut out: Vec<String> = CPYTHON_BUILTINS_ORDER.iter().filter(|n| ours.iter().any(|o| o == *n)).map(|n| n.to_string()).collect();
    for n in ours {
        if !CPYTHON_BUILTINS_ORDER.contains(&n.as_str()) {
            out.push(n);
        }
    }
    out
}

/// `sorted(dir(obj))` restricted to strings; None if `dir` fails.
fn sorted_dir(vm: &Vm, obj: &PyRef) -> Option<Vec<String>> {
    let m = crate::objects::typeobject::lookup_str(&obj.class(), "__dir__")?;
    let r = vm.call1(&m, obj).ok()?;
    let items = vm.iterate(&r).ok()?;
    let mut names: Vec<String> = items.iter().filter_map(|x| as_str(x).map(|s| s.to_string())).collect();
    names.sort();
    Some(names)
}

fn suggestion_for(vm: &Vm, exc: &PyRef, wrong: &str, kind: u8) -> Option<String> {
    let hide_underscored = !wrong.starts_with('_');
    let ctx = exc.downcast::<crate::objects::exception::ExceptionData>().and_then(|d| d.suggest_ctx.borrow().clone());
    let ctx_items: Vec<PyRef> = ctx.as_ref().map(|c| crate::objects::tuple::tuple_items(c).to_vec()).unwrap_or_default();
    // The frame's `self`, when its first parameter is named so and was recorded.
    let frame_self = || -> Option<PyRef> {
        let code = ctx_items.first()?.downcast::<CodeData>()?;
        if code.code.localsplus_names.first().map(|s| s.as_str()) != Some("self") || code.code.argcount == 0 {
            return None;
        }
        ctx_items.get(2).filter(|v| !v.is(&vm.ctx.consts.none)).cloned()
    };
    let candidates: Vec<String> = match kind {
        // AttributeError
        0 => {
            let obj = vm.exc_attr(exc, "obj")?;
            let mut d = sorted_dir(vm, &obj)?;
            let mut hide = hide_underscored;
            if hide && frame_self().is_some_and(|s| s.is(&obj)) {
                hide = false;
            }
            if hide {
                d.retain(|x| !x.starts_with('_'));
            }
            d
        }
        // ImportError
        1 => {
            let modname = vm.exc_attr(exc, "name")?;
            let modname = as_str(&modname)?.to_string();
            let module = vm.ctx.modules.downcast::<crate::objects::dict::DictData>()?.get_str(&modname)?;
            let mut d = sorted_dir(vm, &module)?;
            if hide_underscored {
                d.retain(|x| !x.starts_with('_'));
            }
            d
        }
        // NameError
        _ => {
            let code = ctx_items.first()?.downcast::<CodeData>()?;
            let globals = ctx_items.get(1)?;
            let mut d: Vec<String> = Vec::new();
            let optimized = code.code.flags & pyglass_bytecode::code_flags::OPTIMIZED != 0;
            if optimized {
                d.extend(code.code.localsplus_names.iter().cloned());
            } else if code.code.name == "<module>" {
                d.extend(dict_str_keys(globals));
            }
            d.extend(dict_str_keys(globals));
            d.extend(builtins_candidates(vm));
            if let Some(s) = frame_self() {
                if vm.getattr_opt(&s, wrong).ok().flatten().is_some() {
                    return Some(format!("self.{wrong}"));
                }
            }
            d
        }
    };
    calculate_suggestion(&candidates, wrong).map(|s| s.to_string())
}

/// The text CPython's traceback printer appends to the message of a NameError,
/// AttributeError or ImportError: `. Did you mean: 'x'?`, `. Did you forget to import 'm'?`.
pub fn suggestion_suffix(vm: &Vm, exc: &PyRef) -> String {
    use crate::objects::typeobject::is_subtype;
    let t = exc.class();
    let is_name = is_subtype(&t, &vm.ctx.exc.name_error);
    let is_attr = is_subtype(&t, &vm.ctx.exc.attribute_error);
    let is_import = is_subtype(&t, &vm.ctx.exc.import_error);
    if !(is_name || is_attr || is_import) {
        return String::new();
    }
    let mut out = String::new();
    if is_name || is_attr {
        let Some(name) = vm.exc_attr(exc, "name") else { return out };
        let Some(wrong) = as_str(&name).map(|s| s.to_string()) else { return out };
        let suggestion = suggestion_for(vm, exc, &wrong, if is_attr { 0 } else { 2 });
        if let Some(s) = &suggestion {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if is_name && STDLIB_MODULE_NAMES.contains(&wrong.as_str()) {
            if suggestion.is_some() {
                out.push_str(&format!(" Or did you forget to import '{wrong}'?"));
            } else {
                out.push_str(&format!(". Did you forget to import '{wrong}'?"));
            }
        }
    } else if let Some(nf) = vm.exc_attr(exc, "name_from") {
        if let Some(wrong) = as_str(&nf).map(|s| s.to_string()) {
            if let Some(s) = suggestion_for(vm, exc, &wrong, 1) {
                out.push_str(&format!(". Did you mean: '{s}'?"));
            }
        }
    }
    out
}

/// Ranges of code points whose East Asian Width is W or F (Unicode 15.1, as CPython 3.13).
const WIDE_RANGES: &[(u32, u32)] = &[
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
    (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
    (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
    (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
    (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x303E), (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F),
    (0x3131, 0x318E), (0x3190, 0x31E3), (0x31EF, 0x321E), (0x3220, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA48C),
    (0xA490, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE52),
    (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1),
    (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE),
    (0x1B000, 0x1B122), (0x1B132, 0x1B132), (0x1B150, 0x1B152), (0x1B155, 0x1B155), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB),
    (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B),
    (0x1F240, 0x1F248), (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA88), (0x1FA90, 0x1FABD),
    (0x1FABF, 0x1FAC5), (0x1FACE, 0x1FADB), (0x1FAE0, 0x1FAE8), (0x1FAF0, 0x1FAF8), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
];
