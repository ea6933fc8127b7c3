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
    let r = vm.call(&m, &[obj.clone()]).ok()?;
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
