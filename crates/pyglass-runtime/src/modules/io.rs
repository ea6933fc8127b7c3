//! File I/O (CPython `Modules/_io`): the `open()` builtin and the `_io` module's file
//! classes. One native state serves the text class (`TextIOWrapper`) and the binary ones
//! (`BufferedReader`, `BufferedWriter`, `BufferedRandom`), which differ only in name.
//!
//! Text files decode UTF-8 (or ASCII / Latin-1) and read with universal newlines by
//! default (`\r\n` and `\r` become `\n`). Reads go through a byte buffer and writes are
//! buffered until `flush()`, `close()`, a read, a seek or the object's deallocation.

use super::native::{self, ClassDef, NativeState};
use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::str::as_str;
use crate::objects::typeobject::type_data;
use crate::sync::PyCell;
use crate::vm::context::{getset, method};
use crate::vm::{Args, PyErr, PyResult, Vm};
use std::io::{Read, Seek, SeekFrom, Write};

const CHUNK: usize = 8192;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Utf8,
    Ascii,
    Latin1,
}

impl Encoding {
    fn codec_name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
        }
    }
}

/// The codec named `name`, as CPython's codec registry normalises names.
fn lookup_encoding(name: &str) -> Option<Encoding> {
    let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Encoding::Utf8),
        "ascii" | "us-ascii" | "646" | "us" => Some(Encoding::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" | "iso-ir-100" => Some(Encoding::Latin1),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Errors {
    Strict,
    Replace,
    Ignore,
}

/// `newline=` of text files.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Newline {
    /// None: universal newlines on input, translated to `\n`.
    Universal,
    /// '': universal line endings, untranslated.
    UniversalRaw,
    Lf,
    Cr,
    CrLf,
}

struct FileInner {
    file: Option<std::fs::File>,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    /// Decoded text read ahead of the caller (text files: whole lines minus what was
    /// consumed).
    pending: String,
    eof: bool,
}

impl Drop for FileInner {
    fn drop(&mut self) {
        if let Some(f) = self.file.as_mut() {
            if !self.wbuf.is_empty() {
                let _ = f.write_all(&self.wbuf);
            }
        }
    }
}

impl FileInner {
    fn flush_write(&mut self) -> std::io::Result<()> {
        if let Some(f) = self.file.as_mut() {
            if !self.wbuf.is_empty() {
                let buf = std::mem::take(&mut self.wbuf);
                f.write_all(&buf)?;
            }
        }
        Ok(())
    }

    /// Drop read-ahead data, moving the OS position back to the logical position.
    fn discard_read(&mut self, enc: Encoding) -> std::io::Result<()> {
        let unread = (self.rbuf.len() - self.rpos) as i64 + encoded_len(&self.pending, enc) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        self.pending.clear();
        self.eof = false;
        if unread > 0 {
            if let Some(f) = self.file.as_mut() {
                f.seek(SeekFrom::Current(-unread))?;
            }
        }
        Ok(())
    }

    /// Read more bytes into the buffer; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.flush_write()?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let Some(f) = self.file.as_mut() else { return Ok(false) };
        let start = self.rbuf.len();
        self.rbuf.resize(start + CHUNK, 0);
        let n = loop {
            match f.read(&mut self.rbuf[start..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.rbuf.truncate(start);
                    return Err(e);
                }
            }
        };
        self.rbuf.truncate(start + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// All remaining bytes.
    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        self.flush_write()?;
        let mut out = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        if let Some(f) = self.file.as_mut() {
            f.read_to_end(&mut out)?;
        }
        self.eof = true;
        Ok(out)
    }

    /// Up to `n` bytes (fewer only at end of file).
    fn read_bytes(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        while self.rbuf.len() - self.rpos < n {
            if !self.fill()? {
                break;
            }
        }
        let end = (self.rpos + n).min(self.rbuf.len());
        let out = self.rbuf[self.rpos..end].to_vec();
        self.rpos = end;
        Ok(out)
    }

    /// The bytes of the next line, terminator included (empty at end of file).
    fn read_line_bytes(&mut self, nl: Newline, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let mut scan = self.rpos;
        loop {
            let buf = &self.rbuf;
            let mut end = None;
            let mut need_more = false;
            let mut i = scan;
            while i < buf.len() {
                let c = buf[i];
                match nl {
                    Newline::Lf => {
                        if c == b'\n' {
                            end = Some(i + 1);
                        }
                    }
                    Newline::Cr => {
                        if c == b'\r' {
                            end = Some(i + 1);
                        }
                    }
                    Newline::CrLf => {
                        if c == b'\r' {
                            if i + 1 < buf.len() {
                                if buf[i + 1] == b'\n' {
                                    end = Some(i + 2);
                                }
                            } else {
                                need_more = true;
                            }
                        }
                    }
                    Newline::Universal | Newline::UniversalRaw => {
                        if c == b'\n' {
                            end = Some(i + 1);
                        } else if c == b'\r' {
                            if i + 1 < buf.len() {
                                end = Some(if buf[i + 1] == b'\n' { i + 2 } else { i + 1 });
                            } else {
                                need_more = true;
                            }
                        }
                    }
                }
                if end.is_some() || need_more {
                    break;
                }
                if let Some(l) = limit {
                    if i + 1 - self.rpos >= l {
                        end = Some(i + 1);
                        break;
                    }
                }
                i += 1;
            }
            if let Some(e) = end {
                let out = self.rbuf[self.rpos..e].to_vec();
                self.rpos = e;
                return Ok(out);
            }
            let consumed_before = i - self.rpos;
            let had = self.rbuf.len() - self.rpos;
            if !self.fill()? {
                // End of file: the rest is the last line (a lone '\r' ends it too).
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
            let _ = had;
            scan = self.rpos + consumed_before;
        }
    }
}

fn encoded_len(s: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => s.len(),
        _ => s.chars().count(),
    }
}

pub struct FileState {
    inner: PyCell<FileInner>,
    name: PyRef,
    mode: String,
    text: bool,
    readable: bool,
    writable: bool,
    append: bool,
    encoding: Encoding,
    encoding_name: String,
    errors: Errors,
    errors_name: String,
    newline: Newline,
    newline_arg: Option<String>,
}

impl NativeState for FileState {
    crate::native_state_any!();
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.name);
    }
}

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("_io");
    let common = [
        method("read", file_read),
        method("readline", file_readline),
        method("readlines", file_readlines),
        method("write", file_write),
        method("writelines", file_writelines),
        method("close", file_close),
        method("flush", file_flush),
        method("seek", file_seek),
        method("tell", file_tell),
        method("truncate", file_truncate),
        method("fileno", file_fileno),
        method("isatty", file_isatty),
        method("readable", file_readable),
        method("writable", file_writable),
        method("seekable", file_seekable),
        method("__enter__", file_enter),
        method("__exit__", file_exit),
        method("__iter__", file_iter),
        method("__next__", file_next),
        method("__repr__", file_repr),
    ];
    let text_getsets = [
        getset("closed", file_closed, None),
        getset("name", file_name, None),
        getset("mode", file_mode, None),
        getset("encoding", file_encoding, None),
        getset("errors", file_errors, None),
        getset("newlines", file_newlines, None),
        getset("line_buffering", file_line_buffering, None),
    ];
    let bin_getsets = [getset("closed", file_closed, None), getset("name", file_name, None), getset("mode", file_mode, None)];
    for name in ["TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom"] {
        let cls = native::new_class(
            vm,
            &ClassDef {
                name,
                module: "_io",
                methods: &common,
                getsets: if name == "TextIOWrapper" { &text_getsets } else { &bin_getsets },
                new: None,
                base_type: true,
                unhashable: false,
            },
        );
        super::set_attr(vm, &m, name, cls);
    }
    // io.UnsupportedOperation(OSError, ValueError).
    let ns = vm.ctx.new_dict();
    if let Some(d) = ns.downcast::<crate::objects::dict::DictData>() {
        d.set_str_key(vm.ctx.intern("__module__"), vm.ctx.new_str("io"));
    }
    let bases = vm.ctx.new_tuple(vec![vm.ctx.exc.os_error.clone(), vm.ctx.exc.value_error.clone()]);
    if let Ok(cls) = vm.call(&vm.ctx.types.type_, &[vm.ctx.new_str("UnsupportedOperation"), bases, ns]) {
        super::set_attr(vm, &m, "UnsupportedOperation", cls);
    }
    // `_io.open` is the builtin `open` object itself, as in CPython.
    match vm.ctx.builtins.downcast::<crate::objects::dict::DictData>().and_then(|d| d.get_str("open")) {
        Some(o) => super::set_attr(vm, &m, "open", o),
        None => super::add_functions(vm, &m, "_io", &[("open", open)]),
    }
    super::set_attr(vm, &m, "DEFAULT_BUFFER_SIZE", vm.ctx.new_int(CHUNK as i64));
    m
}

fn io_attr(vm: &Vm, name: &str) -> PyResult {
    let m = vm.import_module("_io")?;
    vm.getattr_str(&m, name)
}

fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    match io_attr(vm, "UnsupportedOperation") {
        Ok(cls) => vm.new_error(&cls, msg),
        Err(e) => e,
    }
}

/// The C library's message for an errno (glibc wording).
fn strerror(code: i32) -> Option<&'static str> {
    Some(match code {
        1 => "Operation not permitted",
        2 => "No such file or directory",
        5 => "Input/output error",
        9 => "Bad file descriptor",
        12 => "Cannot allocate memory",
        13 => "Permission denied",
        16 => "Device or resource busy",
        17 => "File exists",
        18 => "Invalid cross-device link",
        20 => "Not a directory",
        21 => "Is a directory",
        22 => "Invalid argument",
        24 => "Too many open files",
        26 => "Text file busy",
        27 => "File too large",
        28 => "No space left on device",
        29 => "Illegal seek",
        30 => "Read-only file system",
        36 => "File name too long",
        39 => "Directory not empty",
        40 => "Too many levels of symbolic links",
        _ => return None,
    })
}

/// An OSError subclass for an I/O error, with errno, strerror and filename set.
pub fn os_error(vm: &Vm, e: &std::io::Error, filename: Option<&PyRef>) -> PyErr {
    os_error2(vm, e, filename, None)
}

pub fn os_error2(vm: &Vm, e: &std::io::Error, filename: Option<&PyRef>, filename2: Option<&PyRef>) -> PyErr {
    let Some(code) = e.raw_os_error() else {
        return vm.new_error(&vm.ctx.exc.os_error, &e.to_string());
    };
    let exc = &vm.ctx.exc;
    let cls = match code {
        2 => exc.file_not_found_error.clone(),
        17 => exc.file_exists_error.clone(),
        21 => exc.is_a_directory_error.clone(),
        1 | 13 => exc.permission_error.clone(),
        20 => exc.get("NotADirectoryError").unwrap_or_else(|| exc.os_error.clone()),
        4 => exc.get("InterruptedError").unwrap_or_else(|| exc.os_error.clone()),
        11 | 115 => exc.get("BlockingIOError").unwrap_or_else(|| exc.os_error.clone()),
        32 => exc.get("BrokenPipeError").unwrap_or_else(|| exc.os_error.clone()),
        _ => exc.os_error.clone(),
    };
    let msg = match strerror(code) {
        Some(m) => m.to_string(),
        None => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    };
    let mut argv = vec![vm.ctx.new_int(code as i64), vm.ctx.new_string(msg)];
    if let Some(f) = filename {
        argv.push(f.clone());
        if let Some(f2) = filename2 {
            argv.push(vm.ctx.new_int(0));
            argv.push(f2.clone());
        }
    }
    match vm.call(&cls, &argv) {
        Ok(x) => {
            // CPython keeps only (errno, strerror) in args.
            let two = vm.ctx.new_tuple(argv[..2].to_vec());
            let _ = vm.setattr(&x, &vm.ctx.intern("args"), Some(two));
            if let Some(f2) = filename2 {
                vm.set_exc_attr(&x, "filename2", f2.clone());
            }
            PyErr(x)
        }
        Err(e) => e,
    }
}

fn closed_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "open", &a, &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1)?;
    let none = |v: Option<&PyRef>| v.is_none_or(|x| x.is(&vm.ctx.consts.none));
    let file = b[0].expect("required");
    // The path: str, or an object with __fspath__, or a file descriptor.
    let (path, name) = if let Some(s) = as_str(file) {
        (s.to_string(), file.clone())
    } else if file.is_kind(Kind::Int) {
        let fd = vm.index(file)?.to_i64().unwrap_or(-1);
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        (format!("/dev/fd/{fd}"), file.clone())
    } else if file.is_kind(Kind::Bytes) {
        let s = String::from_utf8_lossy(crate::builtins::bytes::bytes_of(file)).to_string();
        (s, file.clone())
    } else if let Some(fspath) = crate::objects::typeobject::lookup_str(&file.class(), "__fspath__") {
        let p = vm.call(&fspath, std::slice::from_ref(file))?;
        match as_str(&p) {
            Some(s) => (s.to_string(), p.clone()),
            None => return Err(vm.type_error(&format!("expected {}.__fspath__() to return str or bytes, not {}", vm.type_name(file), vm.type_name(&p)))),
        }
    } else {
        return Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(file))));
    };
    if path.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    let mode = match b[1] {
        Some(m) => match as_str(m) {
            Some(s) => s.to_string(),
            None => return Err(vm.type_error(&format!("open() argument 'mode' must be str, not {}", vm.type_name(m)))),
        },
        None => "r".to_string(),
    };
    // Mode validation, in CPython's order.
    let mut seen = std::collections::HashSet::new();
    for c in mode.chars() {
        if !"rwxab+t".contains(c) || !seen.insert(c) {
            return Err(vm.value_error(&format!("invalid mode: '{mode}'")));
        }
    }
    let (creating, reading, writing, appending, updating) = (seen.contains(&'x'), seen.contains(&'r'), seen.contains(&'w'), seen.contains(&'a'), seen.contains(&'+'));
    let (text, binary) = (seen.contains(&'t'), seen.contains(&'b'));
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [creating, reading, writing, appending].iter().filter(|x| **x).count() != 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && !none(b[3]) {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && !none(b[4]) {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && !none(b[5]) {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if let Some(bf) = b[2] {
        if !bf.is_kind(Kind::Int) {
            return Err(vm.type_error(&format!("'{}' object cannot be interpreted as an integer", vm.type_name(bf))));
        }
        if binary && vm.index(bf)?.is_zero() {
            // Unbuffered binary I/O: accepted, buffered anyway.
        } else if !binary && vm.index(bf)?.is_zero() {
            return Err(vm.value_error("can't have unbuffered text I/O"));
        }
    }
    let (encoding, encoding_name) = if none(b[3]) {
        (Encoding::Utf8, "UTF-8".to_string())
    } else {
        let e = b[3].expect("checked");
        let Some(s) = as_str(e) else {
            return Err(vm.type_error(&format!("open() argument 'encoding' must be str or None, not {}", vm.type_name(e))));
        };
        match lookup_encoding(s) {
            Some(enc) => (enc, s.to_string()),
            None => return Err(vm.new_error(&vm.ctx.exc.lookup_error, &format!("unknown encoding: {s}"))),
        }
    };
    let (errors, errors_name) = if none(b[4]) {
        (Errors::Strict, "strict".to_string())
    } else {
        let e = b[4].expect("checked");
        let Some(s) = as_str(e) else {
            return Err(vm.type_error(&format!("open() argument 'errors' must be str or None, not {}", vm.type_name(e))));
        };
        let k = match s {
            "strict" => Errors::Strict,
            "ignore" => Errors::Ignore,
            "replace" | "surrogateescape" | "backslashreplace" | "surrogatepass" => Errors::Replace,
            _ => Errors::Strict,
        };
        (k, s.to_string())
    };
    let (newline, newline_arg) = if none(b[5]) {
        (Newline::Universal, None)
    } else {
        let n = b[5].expect("checked");
        let Some(s) = as_str(n) else {
            return Err(vm.type_error(&format!("open() argument 'newline' must be str or None, not {}", vm.type_name(n))));
        };
        let k = match s {
            "" => Newline::UniversalRaw,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            _ => return Err(vm.value_error(&format!("illegal newline value: {s}"))),
        };
        (k, Some(s.to_string()))
    };
    if let Some(op) = b[7] {
        if !op.is(&vm.ctx.consts.none) {
            return Err(vm.new_error(&vm.ctx.exc.not_implemented_error, "open(): opener is not supported by pyglass"));
        }
    }
    let readable = reading || updating;
    let writable = writing || creating || appending || updating;
    let mut oo = std::fs::OpenOptions::new();
    oo.read(readable);
    if writing {
        oo.write(true).create(true).truncate(true);
    } else if creating {
        oo.write(true).create_new(true);
    } else if appending {
        oo.append(true).create(true);
    } else if updating {
        oo.write(true);
    }
    let f = oo.open(if path.is_empty() { std::path::Path::new("") } else { std::path::Path::new(&path) }).map_err(|e| os_error(vm, &e, Some(&name)))?;
    if let Ok(md) = f.metadata() {
        if md.is_dir() {
            let e = std::io::Error::from_raw_os_error(21);
            return Err(os_error(vm, &e, Some(&name)));
        }
    }
    let is_text = !binary;
    let (cls_name, mode_attr) = if is_text {
        ("TextIOWrapper", mode.clone())
    } else {
        let raw = if creating {
            "xb"
        } else if appending {
            "ab"
        } else if readable {
            "rb"
        } else {
            "wb"
        };
        let m = if updating { format!("{raw}+") } else { raw.to_string() };
        let cls = if updating {
            "BufferedRandom"
        } else if readable {
            "BufferedReader"
        } else {
            "BufferedWriter"
        };
        (cls, m)
    };
    let cls = io_attr(vm, cls_name)?;
    let st = FileState {
        inner: PyCell::new(FileInner { file: Some(f), rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), pending: String::new(), eof: false }),
        name,
        mode: mode_attr,
        text: is_text,
        readable,
        writable,
        append: appending,
        encoding,
        encoding_name,
        errors,
        errors_name,
        newline,
        newline_arg,
    };
    Ok(native::new_object(vm, &cls, st))
}

fn fs<'a>(vm: &Vm, s: &'a PyRef) -> PyResult<&'a FileState> {
    native::state::<FileState>(s).ok_or_else(|| vm.type_error(&format!("descriptor requires a file object but received a '{}'", vm.type_name(s))))
}

/// The state of an open file (ValueError if closed).
fn open_fs<'a>(vm: &Vm, s: &'a PyRef) -> PyResult<&'a FileState> {
    let f = fs(vm, s)?;
    if f.inner.borrow().file.is_none() {
        return Err(closed_error(vm));
    }
    Ok(f)
}

fn check_readable(vm: &Vm, f: &FileState) -> PyResult<()> {
    if !f.readable {
        return Err(unsupported(vm, if f.text { "not readable" } else { "read" }));
    }
    Ok(())
}

fn check_writable(vm: &Vm, f: &FileState) -> PyResult<()> {
    if !f.writable {
        return Err(unsupported(vm, if f.text { "not writable" } else { "write" }));
    }
    Ok(())
}

/// Decode bytes read from a text file; `offset` is the file position of `b[0]` (for
/// error messages).
fn decode(vm: &Vm, f: &FileState, b: Vec<u8>, offset: usize) -> PyResult<String> {
    match f.encoding {
        Encoding::Utf8 => match String::from_utf8(b) {
            Ok(s) => Ok(s),
            Err(e) => {
                let bytes = e.into_bytes();
                match f.errors {
                    Errors::Replace => Ok(String::from_utf8_lossy(&bytes).into_owned()),
                    Errors::Ignore => Ok(utf8_ignore(&bytes)),
                    Errors::Strict => {
                        let err = std::str::from_utf8(&bytes).expect_err("invalid");
                        let start = err.valid_up_to();
                        let (end, reason) = match err.error_len() {
                            Some(n) => {
                                let lead = bytes[start];
                                let reason = if n == 1 && !(0xc2..=0xf4).contains(&lead) { "invalid start byte" } else { "invalid continuation byte" };
                                (start + n, reason)
                            }
                            None => (bytes.len(), "unexpected end of data"),
                        };
                        Err(decode_error(vm, "utf-8", &bytes, start, end, reason, offset))
                    }
                }
            }
        },
        Encoding::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Encoding::Ascii => {
            if let Some(p) = b.iter().position(|c| *c >= 0x80) {
                match f.errors {
                    Errors::Strict => return Err(decode_error(vm, "ascii", &b, p, p + 1, "ordinal not in range(128)", offset)),
                    Errors::Replace => return Ok(b.iter().map(|&c| if c < 0x80 { c as char } else { '\u{fffd}' }).collect()),
                    Errors::Ignore => return Ok(b.iter().filter(|c| **c < 0x80).map(|&c| c as char).collect()),
                }
            }
            Ok(b.iter().map(|&c| c as char).collect())
        }
    }
}

fn utf8_ignore(mut b: &[u8]) -> String {
    let mut out = String::new();
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let ok = e.valid_up_to();
                out.push_str(std::str::from_utf8(&b[..ok]).unwrap_or(""));
                let skip = e.error_len().unwrap_or(b.len() - ok);
                b = &b[ok + skip..];
            }
        }
    }
}

fn decode_error(vm: &Vm, codec: &str, bytes: &[u8], start: usize, end: usize, reason: &str, offset: usize) -> PyErr {
    // Positions count from the start of the chunk decoded in one go, as in CPython.
    let _ = offset;
    unicode_error(vm, &vm.ctx.exc.unicode_decode_error, codec, crate::builtins::bytes::new_bytes(vm, bytes.to_vec()), start, end, reason)
}

fn unicode_error(vm: &Vm, cls: &PyRef, codec: &str, obj: PyRef, start: usize, end: usize, reason: &str) -> PyErr {
    let argv = [vm.ctx.new_str(codec), obj, vm.ctx.new_int(start as i64), vm.ctx.new_int(end as i64), vm.ctx.new_str(reason)];
    match vm.call(cls, &argv) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn encode(vm: &Vm, f: &FileState, s: &str) -> PyResult<Vec<u8>> {
    let s: std::borrow::Cow<'_, str> = match f.newline {
        Newline::Cr => s.replace('\n', "\r").into(),
        Newline::CrLf => s.replace('\n', "\r\n").into(),
        _ => s.into(),
    };
    match f.encoding {
        Encoding::Utf8 => Ok(s.as_bytes().to_vec()),
        Encoding::Ascii | Encoding::Latin1 => {
            let limit = if f.encoding == Encoding::Ascii { 0x80 } else { 0x100 };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u8);
                } else {
                    match f.errors {
                        Errors::Strict => {
                            let codec = f.encoding.codec_name();
                            let range = if limit == 0x80 { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
                            let cls = vm.ctx.exc.get("UnicodeEncodeError").unwrap_or_else(|| vm.ctx.exc.value_error.clone());
                            return Err(unicode_error(vm, &cls, codec, vm.ctx.new_str(&s), i, i + 1, range));
                        }
                        Errors::Replace => out.push(b'?'),
                        Errors::Ignore => {}
                    }
                }
            }
            Ok(out)
        }
    }
}

/// Translate newlines of decoded input.
fn translate(f: &FileState, s: String) -> String {
    if f.newline == Newline::Universal && s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    }
}

fn io_err(vm: &Vm, e: std::io::Error) -> PyErr {
    os_error(vm, &e, None)
}

/// Logical position of the stream (bytes).
fn position(inner: &mut FileInner, enc: Encoding) -> std::io::Result<u64> {
    let pending = encoded_len(&inner.pending, enc) as u64;
    let unread = (inner.rbuf.len() - inner.rpos) as u64;
    let wb = inner.wbuf.len() as u64;
    let f = inner.file.as_mut().expect("open");
    let p = f.stream_position()?;
    Ok((p + wb).saturating_sub(unread + pending))
}

/// Next line of text: from the pending text, topped up with whole decoded lines.
fn text_readline(vm: &Vm, f: &FileState, limit: Option<usize>) -> PyResult<String> {
    let mut inner = f.inner.borrow_mut();
    loop {
        // A complete line in the pending text?
        if let Some(end) = line_end_in(&inner.pending, f.newline) {
            let end = match limit {
                Some(l) => end.min(char_boundary_after(&inner.pending, l)),
                None => end,
            };
            let rest = inner.pending.split_off(end);
            return Ok(std::mem::replace(&mut inner.pending, rest));
        }
        if let Some(l) = limit {
            if inner.pending.chars().count() >= l {
                let cut = char_boundary_after(&inner.pending, l);
                let rest = inner.pending.split_off(cut);
                return Ok(std::mem::replace(&mut inner.pending, rest));
            }
        }
        let offset = 0;
        let raw = inner.read_line_bytes(f.newline, None).map_err(|e| io_err(vm, e))?;
        if raw.is_empty() {
            return Ok(std::mem::take(&mut inner.pending));
        }
        drop(inner);
        let text = translate(f, decode(vm, f, raw, offset)?);
        inner = f.inner.borrow_mut();
        inner.pending.push_str(&text);
    }
}


/// Byte index just past the first line terminator in `s`.
fn line_end_in(s: &str, nl: Newline) -> Option<usize> {
    let b = s.as_bytes();
    match nl {
        Newline::Universal | Newline::Lf => s.find('\n').map(|i| i + 1),
        Newline::Cr => s.find('\r').map(|i| i + 1),
        Newline::CrLf => s.find("\r\n").map(|i| i + 2),
        Newline::UniversalRaw => {
            let i = b.iter().position(|c| *c == b'\n' || *c == b'\r')?;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                Some(i + 2)
            } else {
                Some(i + 1)
            }
        }
    }
}

fn char_boundary_after(s: &str, nchars: usize) -> usize {
    s.char_indices().nth(nchars).map(|(i, _)| i).unwrap_or(s.len())
}

fn file_read(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "read", &a, 0, 1)?;
    let f = open_fs(vm, s)?;
    check_readable(vm, f)?;
    let n = match rest.first() {
        Some(v) if !v.is(&vm.ctx.consts.none) => {
            if !v.is_kind(Kind::Int) {
                return Err(vm.type_error(&format!("argument should be integer or None, not '{}'", vm.type_name(v))));
            }
            let n = vm.index(v)?.to_i64().unwrap_or(-1);
            if n < 0 {
                None
            } else {
                Some(n as usize)
            }
        }
        _ => None,
    };
    if !f.text {
        let mut inner = f.inner.borrow_mut();
        let data = match n {
            None => inner.read_all(),
            Some(n) => inner.read_bytes(n),
        }
        .map_err(|e| io_err(vm, e))?;
        drop(inner);
        return Ok(crate::builtins::bytes::new_bytes(vm, data));
    }
    match n {
        None => {
            let mut inner = f.inner.borrow_mut();
            let offset = 0;
            let pending = std::mem::take(&mut inner.pending);
            let raw = inner.read_all().map_err(|e| io_err(vm, e))?;
            drop(inner);
            let text = translate(f, decode(vm, f, raw, offset)?);
            Ok(vm.ctx.new_string(pending + &text))
        }
        Some(n) => {
            let mut out = String::new();
            let mut need = n;
            while need > 0 {
                let chunk = text_readline(vm, f, Some(need))?;
                if chunk.is_empty() {
                    break;
                }
                need -= chunk.chars().count();
                out.push_str(&chunk);
            }
            Ok(vm.ctx.new_string(out))
        }
    }
}

fn size_arg(vm: &Vm, v: Option<&PyRef>) -> PyResult<Option<usize>> {
    match v {
        Some(v) if !v.is(&vm.ctx.consts.none) => {
            if !v.is_kind(Kind::Int) {
                return Err(vm.type_error(&format!("argument should be integer or None, not '{}'", vm.type_name(v))));
            }
            let n = vm.index(v)?.to_i64().unwrap_or(-1);
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        _ => Ok(None),
    }
}

fn readline_obj(vm: &Vm, f: &FileState, limit: Option<usize>) -> PyResult {
    if f.text {
        let line = text_readline(vm, f, limit)?;
        Ok(vm.ctx.new_string(line))
    } else {
        let line = f.inner.borrow_mut().read_line_bytes(Newline::Lf, limit).map_err(|e| io_err(vm, e))?;
        Ok(crate::builtins::bytes::new_bytes(vm, line))
    }
}

fn is_empty_line(v: &PyRef) -> bool {
    match as_str(v) {
        Some(s) => s.is_empty(),
        None => crate::builtins::bytes::bytes_of(v).is_empty(),
    }
}

fn file_readline(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "readline", &a, 0, 1)?;
    let f = open_fs(vm, s)?;
    check_readable(vm, f)?;
    let limit = size_arg(vm, rest.first())?;
    if limit == Some(0) {
        return Ok(if f.text { vm.ctx.new_str("") } else { crate::builtins::bytes::new_bytes(vm, vec![]) });
    }
    readline_obj(vm, f, limit)
}

fn file_readlines(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "readlines", &a, 0, 1)?;
    let f = open_fs(vm, s)?;
    check_readable(vm, f)?;
    let hint = size_arg(vm, rest.first())?.filter(|h| *h > 0);
    let mut lines = Vec::new();
    let mut total = 0usize;
    loop {
        let line = readline_obj(vm, f, None)?;
        if is_empty_line(&line) {
            break;
        }
        total += as_str(&line).map(|s| s.chars().count()).unwrap_or_else(|| crate::builtins::bytes::bytes_of(&line).len());
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.ctx.new_list(lines))
}

fn write_obj(vm: &Vm, f: &FileState, v: &PyRef) -> PyResult<usize> {
    let (data, count) = if f.text {
        let Some(text) = as_str(v) else {
            return Err(vm.type_error(&format!("write() argument must be str, not {}", vm.type_name(v))));
        };
        (encode(vm, f, text)?, text.chars().count())
    } else {
        let data = match v.kind() {
            Kind::Bytes => crate::builtins::bytes::bytes_of(v).to_vec(),
            Kind::ByteArray => v.downcast::<crate::objects::misc::ByteArrayData>().map(|b| b.0.borrow().clone()).unwrap_or_default(),
            _ => return Err(vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
        };
        let n = data.len();
        (data, n)
    };
    let mut inner = f.inner.borrow_mut();
    if inner.rpos < inner.rbuf.len() || !inner.pending.is_empty() || inner.eof {
        inner.discard_read(f.encoding).map_err(|e| io_err(vm, e))?;
    }
    inner.rbuf.clear();
    inner.rpos = 0;
    inner.eof = false;
    inner.wbuf.extend_from_slice(&data);
    if inner.wbuf.len() >= CHUNK {
        inner.flush_write().map_err(|e| io_err(vm, e))?;
    }
    Ok(count)
}

fn file_write(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "write", &a, 1, 1)?;
    let f = open_fs(vm, s)?;
    check_writable(vm, f)?;
    let n = write_obj(vm, f, &rest[0])?;
    Ok(vm.ctx.new_int(n as i64))
}

fn file_writelines(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "writelines", &a, 1, 1)?;
    let f = open_fs(vm, s)?;
    check_writable(vm, f)?;
    let it = vm.get_iter(&rest[0])?;
    while let Some(line) = vm.next_fast(&it)? {
        let f = open_fs(vm, s)?;
        write_obj(vm, f, &line)?;
    }
    Ok(vm.ctx.none())
}

fn file_close(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "close", &a, 0, 0)?;
    let f = fs(vm, s)?;
    let mut inner = f.inner.borrow_mut();
    if inner.file.is_none() {
        return Ok(vm.ctx.none());
    }
    let r = inner.flush_write();
    inner.file = None;
    inner.rbuf.clear();
    inner.pending.clear();
    drop(inner);
    r.map_err(|e| io_err(vm, e))?;
    Ok(vm.ctx.none())
}

fn file_flush(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "flush", &a, 0, 0)?;
    let f = open_fs(vm, s)?;
    f.inner.borrow_mut().flush_write().map_err(|e| io_err(vm, e))?;
    Ok(vm.ctx.none())
}

fn file_seek(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "seek", &a, 1, 2)?;
    let f = open_fs(vm, s)?;
    if rest[0].is_kind(Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let off = vm.index(&rest[0])?.to_i64().unwrap_or(0);
    let whence = match rest.get(1) {
        Some(w) => vm.index(w)?.to_i64().unwrap_or(0),
        None => 0,
    };
    if f.text {
        if whence == 1 && off != 0 {
            return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
        }
        if whence == 2 && off != 0 {
            return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
        }
        if whence == 0 && off < 0 {
            return Err(vm.value_error(&format!("negative seek position {off}")));
        }
    }
    let target = match whence {
        0 => {
            if off < 0 {
                return Err(vm.value_error(&format!("negative seek position {off}")));
            }
            SeekFrom::Start(off as u64)
        }
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let mut inner = f.inner.borrow_mut();
    inner.flush_write().map_err(|e| io_err(vm, e))?;
    inner.discard_read(f.encoding).map_err(|e| io_err(vm, e))?;
    let p = inner.file.as_mut().expect("open").seek(target).map_err(|e| io_err(vm, e))?;
    Ok(vm.ctx.new_int(p as i64))
}

fn file_tell(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "tell", &a, 0, 0)?;
    let f = open_fs(vm, s)?;
    let mut inner = f.inner.borrow_mut();
    let p = position(&mut inner, f.encoding).map_err(|e| io_err(vm, e))?;
    Ok(vm.ctx.new_int(p as i64))
}

fn file_truncate(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "truncate", &a, 0, 1)?;
    let f = open_fs(vm, s)?;
    check_writable(vm, f)?;
    let mut inner = f.inner.borrow_mut();
    inner.flush_write().map_err(|e| io_err(vm, e))?;
    let size = match rest.first() {
        Some(v) if !v.is(&vm.ctx.consts.none) => vm.index(v)?.to_i64().unwrap_or(0).max(0) as u64,
        _ => position(&mut inner, f.encoding).map_err(|e| io_err(vm, e))?,
    };
    inner.discard_read(f.encoding).map_err(|e| io_err(vm, e))?;
    inner.file.as_mut().expect("open").set_len(size).map_err(|e| io_err(vm, e))?;
    Ok(vm.ctx.new_int(size as i64))
}

fn file_fileno(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "fileno", &a, 0, 0)?;
    let f = open_fs(vm, s)?;
    use std::os::unix::io::AsRawFd;
    let fd = f.inner.borrow().file.as_ref().map(|f| f.as_raw_fd()).unwrap_or(-1);
    Ok(vm.ctx.new_int(fd as i64))
}

fn file_isatty(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "isatty", &a, 0, 0)?;
    open_fs(vm, s)?;
    Ok(vm.ctx.bool_obj(false))
}

fn file_readable(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "readable", &a, 0, 0)?;
    Ok(vm.ctx.bool_obj(open_fs(vm, s)?.readable))
}

fn file_writable(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "writable", &a, 0, 0)?;
    Ok(vm.ctx.bool_obj(open_fs(vm, s)?.writable))
}

fn file_seekable(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "seekable", &a, 0, 0)?;
    open_fs(vm, s)?;
    Ok(vm.ctx.bool_obj(true))
}

fn file_enter(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__enter__", &a, 0, 0)?;
    open_fs(vm, s)?;
    Ok(s.clone())
}

fn file_exit(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = a.items.first().ok_or_else(|| vm.type_error("__exit__ needs an argument"))?;
    let close = vm.getattr_str(s, "close")?;
    vm.call(&close, &[])?;
    Ok(vm.ctx.none())
}

fn file_iter(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__iter__", &a, 0, 0)?;
    open_fs(vm, s)?;
    Ok(s.clone())
}

fn file_next(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__next__", &a, 0, 0)?;
    let f = open_fs(vm, s)?;
    check_readable(vm, f)?;
    let line = readline_obj(vm, f, None)?;
    if is_empty_line(&line) {
        return Err(crate::builtins::callables::stop_iteration(vm, vm.ctx.none()));
    }
    Ok(line)
}

fn file_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    let f = fs(vm, s)?;
    let t = s.class();
    let td = type_data(&t);
    let module = td.dict().get_str("__module__").and_then(|m| as_str(&m).map(|x| x.to_string())).unwrap_or_else(|| "_io".into());
    let cls = format!("{}.{}", module, td.qualname.borrow());
    let name = vm.repr_string(&f.name)?;
    let text = if f.text {
        format!("<{cls} name={name} mode='{}' encoding='{}'>", f.mode, f.encoding_name)
    } else {
        format!("<{cls} name={name}>")
    };
    Ok(vm.ctx.new_string(text))
}

fn file_closed(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.bool_obj(fs(vm, o)?.inner.borrow().file.is_none()))
}

fn file_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(fs(vm, o)?.name.clone())
}

fn file_mode(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_str(&fs(vm, o)?.mode))
}

fn file_encoding(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_str(&fs(vm, o)?.encoding_name))
}

fn file_errors(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_str(&fs(vm, o)?.errors_name))
}

fn file_newlines(vm: &Vm, o: &PyRef) -> PyResult {
    let _ = fs(vm, o)?;
    Ok(vm.ctx.none())
}

fn file_line_buffering(vm: &Vm, o: &PyRef) -> PyResult {
    let _ = fs(vm, o)?;
    Ok(vm.ctx.bool_obj(false))
}

#[allow(dead_code)]
fn unused(f: &FileState) -> (bool, &Option<String>) {
    (f.append, &f.newline_arg)
}
