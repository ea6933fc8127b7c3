//! The opcode table: the one place opcodes are defined. The compiler emits from it, the VM
//! dispatches on it and the disassembler prints from it.
//!
//! Names and semantics follow CPython 3.13 (`Python/bytecodes.c`, `dis` documentation), with
//! the simplifications listed at each entry (marked "pyglass:"). Stack pictures read bottom to
//! top, `NULL` is an empty slot (`None` in the VM's `Option<PyRef>` stack).
//!
//! An instruction is one `u32`: opcode in the low 8 bits, argument in the upper 24 bits
//! (no EXTENDED_ARG). Jump arguments are absolute instruction indices.

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $num:literal, $kind:ident; )*) => {
        /// A bytecode operation.
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(non_camel_case_types)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// The CPython-style upper-case name, as `dis` prints it.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// What the argument means (for the disassembler and sanity checks).
            pub fn arg_kind(self) -> ArgKind {
                match self { $(Opcode::$name => ArgKind::$kind,)* }
            }

            /// Whether this is a quickened pair (made by the VM, never by the compiler).
            pub fn is_quickened(self) -> bool {
                (self as u8) >= 200
            }

            /// Decode a byte; `None` for a number that is not an opcode.
            #[inline(always)]
            pub fn from_u8(b: u8) -> Option<Opcode> {
                DECODE[b as usize]
            }
        }

        /// Byte-to-opcode table, so decoding is one indexed load.
        static DECODE: [Option<Opcode>; 256] = {
            let mut t: [Option<Opcode>; 256] = [None; 256];
            $(t[$num] = Some(Opcode::$name);)*
            t
        };

        impl Opcode {
        }
    };
}

/// How an opcode's argument is interpreted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (must be 0).
    None,
    /// A plain number (counts, flags, operator codes).
    Num,
    /// Index into `consts`.
    Const,
    /// Index into `names`.
    Name,
    /// Index into the fast locals (`localsplus`: locals, then cells, then free variables).
    Local,
    /// Absolute instruction index.
    Jump,
}

opcodes! {
    /// Do nothing.
    NOP = 0, None;
    /// `[a] -> []`
    POP_TOP = 1, None;
    /// `[] -> [NULL]`
    PUSH_NULL = 2, None;
    /// `[.. x(n-th from top) ..] -> [.. x .., x]`: push a copy of the n-th item (1 = top).
    COPY = 3, Num;
    /// Swap the top with the n-th item (n >= 2).
    SWAP = 4, Num;

    /// `[] -> [consts[i]]`
    LOAD_CONST = 10, Const;
    /// `[] -> [local i]`; UnboundLocalError if the slot is empty.
    LOAD_FAST = 11, Local;
    /// `[v] -> []`, store into local i.
    STORE_FAST = 12, Local;
    /// Empty local i; UnboundLocalError if it already is.
    DELETE_FAST = 13, Local;
    /// Replace local i with a new cell holding its current value (or an empty cell).
    /// Emitted at function entry for each cell variable.
    MAKE_CELL = 14, Local;
    /// Copy the function's n closure cells into the last n fast slots. First instruction of
    /// a function with free variables.
    COPY_FREE_VARS = 15, Num;
    /// `[] -> [cell i contents]`; NameError/UnboundLocalError ("cannot access free variable")
    /// when empty.
    LOAD_DEREF = 16, Local;
    /// `[v] -> []`, store into the cell in slot i.
    STORE_DEREF = 17, Local;
    /// Empty the cell in slot i.
    DELETE_DEREF = 18, Local;
    /// `[] -> [cell object in slot i]` (to build closures).
    LOAD_CLOSURE = 19, Local;
    /// `[mapping] -> [value]`: look the name of slot i up in mapping (a class namespace),
    /// else load the cell's contents. Used in class bodies for free variables.
    LOAD_FROM_DICT_OR_DEREF = 20, Local;
    /// `[] -> [frame locals mapping]` (class bodies).
    LOAD_LOCALS = 21, None;

    /// `[] -> [v]`: globals, then builtins; NameError.
    /// pyglass: no low "push NULL" bit; the compiler emits PUSH_NULL itself.
    LOAD_GLOBAL = 22, Name;
    STORE_GLOBAL = 23, Name;
    DELETE_GLOBAL = 24, Name;
    /// Locals mapping, then globals, then builtins (module and class bodies).
    LOAD_NAME = 25, Name;
    STORE_NAME = 26, Name;
    DELETE_NAME = 27, Name;

    /// `[obj] -> [obj.name]`.
    /// pyglass: no low "method" bit; see LOAD_METHOD.
    LOAD_ATTR = 30, Name;
    /// `[obj] -> [meth, obj]` when `obj.name` is a plain function found on the type (an
    /// unbound method call can skip the bound-method object), else `[obj.name, NULL]`.
    /// pyglass: CPython 3.13 spells this LOAD_ATTR with the low bit set.
    LOAD_METHOD = 31, Name;
    /// `[v, obj] -> []`: `obj.name = v`.
    STORE_ATTR = 32, Name;
    /// `[obj] -> []`: `del obj.name`.
    DELETE_ATTR = 33, Name;

    /// `[a] -> [-a]`
    UNARY_NEGATIVE = 40, None;
    /// `[a] -> [+a]` (CPython 3.13: CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE).
    UNARY_POSITIVE = 41, None;
    /// `[a] -> [~a]`
    UNARY_INVERT = 42, None;
    /// `[a] -> [not a]` (any object; pyglass has no separate TO_BOOL).
    UNARY_NOT = 43, None;
    /// `[a, b] -> [a op b]`; the argument is a [`BinaryOp`] code (in-place forms included).
    BINARY_OP = 44, Num;
    /// `[a, b] -> [a cmp b]`; the argument is a [`CompareOp`] code.
    /// pyglass: plain code, no CPython 3.13 shift/bool bits.
    COMPARE_OP = 45, Num;
    /// `[a, b] -> [a is b]` (arg 1: `is not`).
    IS_OP = 46, Num;
    /// `[a, b] -> [a in b]` (arg 1: `not in`).
    CONTAINS_OP = 47, Num;

    /// `[container, key] -> [container[key]]`
    BINARY_SUBSCR = 50, None;
    /// `[v, container, key] -> []`: `container[key] = v`.
    STORE_SUBSCR = 51, None;
    /// `[container, key] -> []`
    DELETE_SUBSCR = 52, None;
    /// `[container, start, stop] -> [container[start:stop]]`
    BINARY_SLICE = 53, None;
    /// `[v, container, start, stop] -> []`
    STORE_SLICE = 54, None;
    /// `[start, stop] -> [slice]` (arg 2) or `[start, stop, step] -> [slice]` (arg 3).
    BUILD_SLICE = 55, Num;

    /// `[x1..xn] -> [(x1..xn)]`
    BUILD_TUPLE = 60, Num;
    BUILD_LIST = 61, Num;
    BUILD_SET = 62, Num;
    /// `[k1, v1, .. kn, vn] -> [dict]`
    BUILD_MAP = 63, Num;
    /// `[v1..vn, keys_tuple] -> [dict]`
    BUILD_CONST_KEY_MAP = 64, Num;
    /// `[pieces1..n] -> [str]`: concatenate n strings.
    BUILD_STRING = 65, Num;
    /// `[list, .. (i-1 items) .., v] -> [list, ..]`: append v to the list i-th from top
    /// (after popping v). Used by comprehensions.
    LIST_APPEND = 66, Num;
    SET_ADD = 67, Num;
    /// `[dict, .. , k, v] -> [dict, ..]`
    MAP_ADD = 68, Num;
    /// `[list, .., iterable] -> [list, ..]`: extend.
    LIST_EXTEND = 69, Num;
    SET_UPDATE = 70, Num;
    /// `[dict, .., mapping] -> [dict, ..]`: `dict.update` ({**m} literals).
    DICT_UPDATE = 71, Num;
    /// Like DICT_UPDATE but raises TypeError on duplicate keys (for `f(**a, **b)`):
    /// "f() got multiple values for keyword argument 'x'".
    DICT_MERGE = 72, Num;
    /// `[list] -> [tuple]` (CPython 3.13: CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE).
    LIST_TO_TUPLE = 73, None;

    /// `[v] -> [converted v]`: arg 1 str(), 2 repr(), 3 ascii().
    CONVERT_VALUE = 75, Num;
    /// `[v] -> [format(v, '')]`
    FORMAT_SIMPLE = 76, None;
    /// `[v, spec] -> [format(v, spec)]`
    FORMAT_WITH_SPEC = 77, None;

    /// Unconditional forward jump.
    JUMP_FORWARD = 80, Jump;
    /// Unconditional backward jump: a safe point where the VM checks its eval breaker
    /// (signals, thread switch requests).
    JUMP_BACKWARD = 81, Jump;
    /// `[v] -> []`; jump if v is falsy.
    POP_JUMP_IF_FALSE = 82, Jump;
    /// `[v] -> []`; jump if v is truthy.
    POP_JUMP_IF_TRUE = 83, Jump;
    POP_JUMP_IF_NONE = 84, Jump;
    POP_JUMP_IF_NOT_NONE = 85, Jump;

    /// `[iterable] -> [iter(iterable)]`
    GET_ITER = 90, None;
    /// `[it] -> [it, next(it)]`; when exhausted: `[it] -> []` and jump.
    /// pyglass: pops the iterator itself on exhaustion (CPython 3.13 jumps to END_FOR).
    FOR_ITER = 91, Jump;
    /// `[seq] -> [xn .. x1]` (x1 on top); ValueError on wrong length.
    UNPACK_SEQUENCE = 92, Num;
    /// `a, *b, c = seq`: arg = before | (after << 8); pushes after-items, list, before-items
    /// with the first item on top.
    UNPACK_EX = 93, Num;

    /// `[callable, self_or_null, arg1..argn] -> [result]`. When self_or_null is not NULL it
    /// becomes the first argument.
    CALL = 100, Num;
    /// `[callable, self_or_null, arg1..argn, kwnames] -> [result]`: kwnames is a tuple of
    /// str naming the last len(kwnames) of the n arguments.
    CALL_KW = 101, Num;
    /// `[callable, self_or_null, args_tuple] -> [result]` (arg 0) or
    /// `[callable, self_or_null, args_tuple, kwargs_dict] -> [result]` (arg 1).
    CALL_FUNCTION_EX = 102, Num;
    /// `[code] -> [function]` using the frame's globals; qualname comes from the code object.
    MAKE_FUNCTION = 103, None;
    /// `[value, func] -> [func]`: arg 1 defaults tuple, 2 kwdefaults dict, 4 annotations
    /// (dict), 8 closure tuple.
    SET_FUNCTION_ATTRIBUTE = 104, Num;
    /// `[] -> [builtins.__build_class__]`
    LOAD_BUILD_CLASS = 105, None;
    /// `[v] -> return v`
    RETURN_VALUE = 106, None;
    /// return consts[i]
    RETURN_CONST = 107, Const;

    /// `[v] -> [v]` then the frame suspends, producing v; on resume the sent value is
    /// pushed: `[.. ] -> [.., sent]`.
    /// pyglass: no RETURN_GENERATOR: calling a function whose code has the GENERATOR flag
    /// creates the generator without running any bytecode, and the first resume pushes
    /// nothing.
    YIELD_VALUE = 110, None;
    /// `[receiver, v] -> [receiver, yielded]` when `receiver.send(v)` (or `next` for None)
    /// yields, continuing with the next instruction (YIELD_VALUE); when it returns r
    /// (StopIteration): `[receiver, v] -> [r]` and jump.
    /// pyglass: no END_SEND: the receiver is popped here.
    SEND = 111, Jump;
    /// `[iterable] -> [iterator]` for `yield from` (generators pass through).
    GET_YIELD_FROM_ITER = 112, None;

    /// `raise` (arg 0: re-raise the current exception), `raise exc` (1), `raise exc from
    /// cause` (2).
    RAISE_VARARGS = 120, Num;
    /// `[.., exc] -> re-raise exc`. With arg 1 the item below exc is a lasti int popped first
    /// and restored as the frame's current instruction (for tracebacks).
    RERAISE = 121, Num;
    /// `[exc] -> [prev_exc_info, exc]` and exc becomes the current handled exception
    /// (`sys.exception()`).
    PUSH_EXC_INFO = 122, None;
    /// `[prev_exc_info] -> []` and restore it as the handled exception.
    POP_EXCEPT = 123, None;
    /// `[exc, type] -> [exc, bool]`: isinstance test for `except type:` (type may be a
    /// tuple); TypeError if type is not an exception class.
    CHECK_EXC_MATCH = 124, None;
    /// `[] -> [AssertionError]`
    LOAD_ASSERTION_ERROR = 125, None;
    /// `[mgr] -> [exit, mgr.__enter__()]`; exit is the bound `__exit__`.
    /// TypeError "'X' object does not support the context manager protocol" otherwise.
    BEFORE_WITH = 126, None;
    /// `[exit, lasti, prev_exc, exc] -> [exit, lasti, prev_exc, exc, res]`:
    /// res = exit(type(exc), exc, exc.__traceback__).
    WITH_EXCEPT_START = 127, None;

    /// `[level, fromlist] -> [module]`: `__import__(names[i], globals, None, fromlist, level)`.
    IMPORT_NAME = 130, Name;
    /// `[module] -> [module, module.name]`; ImportError "cannot import name".
    IMPORT_FROM = 131, Name;
    /// `[module] -> []`: `from module import *` into the locals mapping.
    IMPORT_STAR = 132, None;
    /// Create `__annotations__` in the locals mapping if missing.
    SETUP_ANNOTATIONS = 133, None;
    /// `[v] -> []`: `sys.displayhook(v)` (interactive mode expression statements; CPython
    /// 3.13: CALL_INTRINSIC_1 INTRINSIC_PRINT).
    PRINT_EXPR = 134, None;

    // ----- Quickened pairs: made by the VM from the compiler's output (see
    // `Opcode::is_quickened`), never emitted by the compiler. The first instruction of a
    // pair is replaced and the second is left in place, so the instruction count, jump
    // targets, exception table and locations are unchanged; the pair runs as one dispatch
    // and continues after the second instruction. Errors in the second half are reported
    // at the second instruction.

    /// `LOAD_FAST x; LOAD_ATTR name` with the receiver borrowed from the fast slot.
    LOAD_FAST_ATTR = 200, Local;
    /// `LOAD_FAST x; STORE_ATTR name` (`self.attr = value`): `[v] -> []`.
    LOAD_FAST_STORE_ATTR = 201, Local;
    /// `LOAD_FAST a; LOAD_FAST b`: `[] -> [a, b]`.
    LOAD_FAST_LOAD_FAST = 202, Local;
    /// `LOAD_FAST a; LOAD_CONST c`: `[] -> [a, c]`.
    LOAD_FAST_LOAD_CONST = 203, Local;
    /// `STORE_FAST a; LOAD_FAST b`: `[v] -> [b]`.
    STORE_FAST_LOAD_FAST = 204, Local;
    /// `LOAD_GLOBAL name; PUSH_NULL` (a plain call's callable): `[] -> [g, NULL]`.
    LOAD_GLOBAL_NULL = 205, Name;
    /// `COMPARE_OP op; POP_JUMP_IF_FALSE/TRUE target`: `[a, b] -> []`, the outcome of a
    /// number comparison used without making a bool.
    COMPARE_OP_JUMP = 206, Num;
    /// `LOAD_CONST c; LOAD_FAST a` (`2 * x`, `1 + f(x)`): `[] -> [c, a]`.
    LOAD_CONST_LOAD_FAST = 207, Const;
    /// `LOAD_FAST x; POP_JUMP_IF_FALSE target` (`while stack:`): `[] -> []`, the local
    /// tested in its slot, no reference taken. One opcode per kind of jump, so the handler
    /// does not branch on the second instruction's opcode.
    LOAD_FAST_JUMP_IF_FALSE = 208, Local;
    /// `LOAD_FAST x; POP_JUMP_IF_TRUE target`, as `LOAD_FAST_JUMP_IF_FALSE`.
    LOAD_FAST_JUMP_IF_TRUE = 209, Local;
    /// `LOAD_FAST x; POP_JUMP_IF_NONE target` (`while p is not None:`), as
    /// `LOAD_FAST_JUMP_IF_FALSE`.
    LOAD_FAST_JUMP_IF_NONE = 210, Local;
    /// `LOAD_FAST x; POP_JUMP_IF_NOT_NONE target` (`if left is None:`),
    /// as `LOAD_FAST_JUMP_IF_FALSE`.
    LOAD_FAST_JUMP_IF_NOT_NONE = 211, Local;

    // ----- Quickened runs of three and four instructions, made like the pairs: the
    // first instruction is replaced, the others stay in place and give their arguments.

    /// `LOAD_FAST x; LOAD_CONST c; BINARY_OP op; STORE_FAST y` (`d += 1`, `j = i - 1`):
    /// `[] -> []`. Errors are the `BINARY_OP`'s.
    LOAD_FAST_CONST_OP_STORE = 212, Local;
    /// `LOAD_FAST x; LOAD_ATTR name; STORE_FAST y` (`p = p.parent`): `[] -> []`, the
    /// receiver borrowed from its slot as in `LOAD_FAST_ATTR`. Errors are the `LOAD_ATTR`'s.
    LOAD_FAST_ATTR_STORE_FAST = 213, Local;
}

/// Argument of `BINARY_OP`: CPython's `NB_*` numbering (`Include/internal/pycore_opcode_utils.h`).
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    pub const ALL: [BinaryOp; 26] = [
        BinaryOp::Add, BinaryOp::And, BinaryOp::FloorDivide, BinaryOp::Lshift,
        BinaryOp::MatrixMultiply, BinaryOp::Multiply, BinaryOp::Remainder, BinaryOp::Or,
        BinaryOp::Power, BinaryOp::Rshift, BinaryOp::Subtract, BinaryOp::TrueDivide,
        BinaryOp::Xor, BinaryOp::InplaceAdd, BinaryOp::InplaceAnd,
        BinaryOp::InplaceFloorDivide, BinaryOp::InplaceLshift,
        BinaryOp::InplaceMatrixMultiply, BinaryOp::InplaceMultiply,
        BinaryOp::InplaceRemainder, BinaryOp::InplaceOr, BinaryOp::InplacePower,
        BinaryOp::InplaceRshift, BinaryOp::InplaceSubtract, BinaryOp::InplaceTrueDivide,
        BinaryOp::InplaceXor,
    ];

    pub fn from_arg(arg: u32) -> Option<BinaryOp> {
        Self::ALL.get(arg as usize).copied()
    }

    /// The operator symbol as it appears in source and error messages (`+`, `+=`, ...).
    pub fn symbol(self) -> &'static str {
        const S: [&str; 26] = [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=",
            "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
        ];
        S[self as usize]
    }

    pub fn is_inplace(self) -> bool {
        self as u8 >= 13
    }

    /// The plain operator of an in-place one (`+=` -> `+`); itself otherwise.
    pub fn base(self) -> BinaryOp {
        if self.is_inplace() {
            Self::ALL[self as usize - 13]
        } else {
            self
        }
    }

    /// The in-place form of a plain operator.
    pub fn inplace(self) -> BinaryOp {
        if self.is_inplace() {
            self
        } else {
            Self::ALL[self as usize + 13]
        }
    }
}

/// Argument of `COMPARE_OP` (CPython's `Py_LT`.. numbering).
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        Some(match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The dunder method name (`__lt__`, ...).
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
}

/// One decoded instruction: the opcode (always a valid one, so the eval loop's dispatch is
/// a single jump-table index with no decode step) and its argument (at most [`MAX_ARG`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Instr {
    op: Opcode,
    arg: u32,
}

/// Largest argument an instruction can carry.
pub const MAX_ARG: u32 = (1 << 24) - 1;

impl Instr {
    #[inline]
    pub fn new(op: Opcode, arg: u32) -> Instr {
        debug_assert!(arg <= MAX_ARG);
        Instr { op, arg }
    }
    #[inline]
    pub fn opcode_byte(self) -> u8 {
        self.op as u8
    }
    #[inline(always)]
    pub fn op(self) -> Opcode {
        self.op
    }
    #[inline(always)]
    pub fn arg(self) -> u32 {
        self.arg
    }
}

impl std::fmt::Debug for Instr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.op().name(), self.arg())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_numbers_round_trip_and_names_are_unique() {
        let mut names = std::collections::HashSet::new();
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            assert!(names.insert(op.name()), "duplicate name {}", op.name());
            let i = Instr::new(op, 0x00AB_CDEF);
            assert_eq!(i.op(), op);
            assert_eq!(i.arg(), 0x00AB_CDEF);
        }
    }

    #[test]
    fn binary_op_forms() {
        assert_eq!(BinaryOp::Add.inplace(), BinaryOp::InplaceAdd);
        assert_eq!(BinaryOp::InplaceXor.base(), BinaryOp::Xor);
        assert_eq!(BinaryOp::InplacePower.symbol(), "**=");
        for (i, op) in BinaryOp::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
        }
    }
}
