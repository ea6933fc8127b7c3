//! Code objects as the compiler produces them: plain data, independent of the runtime.
//! The runtime turns each [`CodeObject`] into its own code object once, converting the
//! constants to Python objects (deduplicated per code object, as CPython does).

use crate::opcode::Instr;
use std::rc::Rc;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    /// An int that fits in i64.
    Int(i64),
    /// A larger int as decimal digits with an optional leading '-'.
    BigInt(String),
    Float(f64),
    /// An imaginary number (real part 0).
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A frozenset of constants, items in source order (a constant set display: CPython
    /// builds it with `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1`).
    FrozenSet(Vec<Constant>),
    /// A nested code object (function, lambda, comprehension or class body).
    Code(Rc<CodeObject>),
}

impl Constant {
    /// Whether two constants are the same value *and* type for deduplication purposes
    /// (`1`, `1.0` and `True` are distinct; `0.0` and `-0.0` are distinct; NaNs by bits).
    pub fn same_as(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::Complex(a, b), Constant::Complex(c, d)) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Constant::Tuple(a), Constant::Tuple(b)) | (Constant::FrozenSet(a), Constant::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_as(y))
            }
            (Constant::Code(a), Constant::Code(b)) => Rc::ptr_eq(a, b),
            _ => self == other,
        }
    }
}

/// Source position of one instruction: 1-based lines, 0-based UTF-8 byte columns, end
/// exclusive. `line == 0` means "no location" (e.g. synthetic cleanup code).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// One row of the exception table (CPython 3.11+ "zero-cost" exceptions): an exception
/// raised by an instruction in `start..end` pops the value stack down to `depth` items,
/// pushes the instruction index as an int if `lasti` is set, pushes the exception, and
/// jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Kinds of a fast slot (CPython's `CO_FAST_LOCAL`/`CELL`/`FREE`). An argument that is
/// captured by an inner function is both LOCAL and CELL.
pub mod slot_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// `co_flags` bits, CPython's values.
pub mod code_flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
}

/// A compiled unit: module, function, lambda, comprehension or class body.
///
/// Fast slots (`localsplus`, CPython 3.11+): `localsplus_names[i]`/`localsplus_kinds[i]`
/// describe slot i. Arguments come first in order (positional-only, positional, keyword-only,
/// `*args`, `**kwargs`), then other locals, then cell variables that are not arguments,
/// then free variables (always last, `nfreevars` of them, in the order of the closure tuple).
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: function name, `<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, class name.
    pub name: String,
    /// `co_qualname`: e.g. `Outer.method.<locals>.inner`.
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instructions: Vec<Instr>,
    /// One entry per instruction.
    pub locations: Vec<Location>,
    pub constants: Vec<Constant>,
    /// Global, attribute and import names (`co_names`).
    pub names: Vec<String>,
    pub localsplus_names: Vec<String>,
    pub localsplus_kinds: Vec<u8>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    /// The docstring, if the body starts with a string literal statement (functions, classes
    /// and modules); also `constants[0]` in that case, as in CPython.
    pub docstring: Option<String>,
}

impl CodeObject {
    /// An empty code object (the compiler fills it in).
    pub fn new(name: &str, qualname: &str, filename: &str, firstlineno: u32) -> CodeObject {
        CodeObject {
            name: name.to_string(),
            qualname: qualname.to_string(),
            filename: filename.to_string(),
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            instructions: Vec::new(),
            locations: Vec::new(),
            constants: Vec::new(),
            names: Vec::new(),
            localsplus_names: Vec::new(),
            localsplus_kinds: Vec::new(),
            exception_table: Vec::new(),
            stacksize: 0,
            docstring: None,
        }
    }

    /// Number of fast slots.
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// Number of free variables (the trailing fast slots).
    pub fn nfreevars(&self) -> usize {
        self.localsplus_kinds.iter().filter(|k| **k & slot_kind::FREE != 0).count()
    }

    /// Total number of arguments including `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & code_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & code_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// Whether `nargs` positional arguments and no keywords bind straight to the first
    /// `nargs` fast slots: no `*args`, `**kwargs` or keyword-only parameters, and `nargs`
    /// is the positional parameter count (the calls' fast paths).
    #[inline]
    pub fn takes_exact_positional(&self, nargs: usize) -> bool {
        self.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0 && self.kwonlyargcount == 0 && nargs == self.argcount as usize
    }

    /// Location of instruction `i` (a default "no location" when out of range).
    pub fn location(&self, i: usize) -> Location {
        self.locations.get(i).copied().unwrap_or_default()
    }

    /// The handler for an exception raised at instruction `i`.
    pub fn handler_for(&self, i: u32) -> Option<&ExceptionEntry> {
        self.exception_table.iter().find(|e| e.start <= i && i < e.end)
    }

    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }
}
