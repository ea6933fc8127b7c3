//! Code a call may run without a frame: the VM's analysis of an `__init__` that only
//! stores its parameters and constants as attributes of `self`,
//!
//! ```python
//! def __init__(self, left, right, value):
//!     self.left = left
//!     self.right = right
//!     self.value = None
//! ```
//!
//! `cls(...)` with such an `__init__` can write the attributes straight into the fresh
//! instance (`Vm::init_without_frame`), when the attribute cache says each store is a plain
//! instance value. CPython 3.13 has no such shortcut (it pushes a frame for every
//! `__init__`); it is pyglass's, and it is only taken where nothing could tell the
//! difference: such a body runs no other code, cannot raise (every store is checked to be
//! a plain value before the first is made), looks at no frame and returns None.

use crate::code::{code_flags, slot_kind, CodeObject, Constant};
use crate::opcode::Opcode;

/// Where a stored value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InitValue {
    /// Fast slot `i`, a parameter (`0` is `self`).
    Param(u32),
    /// `co_consts[i]`.
    Const(u32),
}

/// `self.<co_names[name]> = value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InitStore {
    pub value: InitValue,
    pub name: u32,
}

/// The most stores a frameless `__init__` may make (the VM checks them all before making
/// the first, in a fixed-size array).
pub const MAX_INIT_STORES: usize = 16;

/// The stores of an `__init__` that is nothing but `self.name = param_or_const`
/// statements followed by the implicit `return None`; `None` for any other code.
///
/// Also required: positional parameters only (at least `self`), no cells or free
/// variables, no exception handlers, and each attribute stored once (a second store would
/// drop the first value, which could run a `__del__` while the frame would still exist).
pub fn attribute_init(code: &CodeObject) -> Option<Box<[InitStore]>> {
    const PLAIN: u32 = code_flags::OPTIMIZED | code_flags::NEWLOCALS | code_flags::NESTED | code_flags::NOFREE;
    if code.flags & !PLAIN != 0 || code.kwonlyargcount != 0 || code.argcount == 0 || !code.exception_table.is_empty() {
        return None;
    }
    if code.localsplus_kinds.iter().any(|k| k & (slot_kind::CELL | slot_kind::FREE) != 0) {
        return None;
    }
    let mut stores: Vec<InitStore> = Vec::new();
    let mut rest = code.instructions.as_slice();
    loop {
        match rest {
            [ret] if ret.op() == Opcode::RETURN_CONST => {
                return matches!(code.constants.get(ret.arg() as usize), Some(Constant::None)).then(|| stores.into_boxed_slice());
            }
            [value, receiver, store, tail @ ..] if receiver.op() == Opcode::LOAD_FAST && receiver.arg() == 0 && store.op() == Opcode::STORE_ATTR => {
                let value = match value.op() {
                    Opcode::LOAD_FAST if value.arg() < code.argcount => InitValue::Param(value.arg()),
                    Opcode::LOAD_CONST if (value.arg() as usize) < code.constants.len() => InitValue::Const(value.arg()),
                    _ => return None,
                };
                let name = store.arg();
                if (name as usize) >= code.names.len() || stores.iter().any(|s| s.name == name) || stores.len() == MAX_INIT_STORES {
                    return None;
                }
                stores.push(InitStore { value, name });
                rest = tail;
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::Instr;

    fn init(argcount: u32, instrs: &[(Opcode, u32)], consts: Vec<Constant>, names: &[&str]) -> CodeObject {
        let mut c = CodeObject::new("__init__", "C.__init__", "t.py", 1);
        c.argcount = argcount;
        c.flags = code_flags::OPTIMIZED | code_flags::NEWLOCALS;
        c.instructions = instrs.iter().map(|&(op, a)| Instr::new(op, a)).collect();
        c.constants = consts;
        c.names = names.iter().map(|s| s.to_string()).collect();
        c.localsplus_names = (0..argcount).map(|i| format!("p{i}")).collect();
        c.localsplus_kinds = vec![slot_kind::LOCAL; argcount as usize];
        c
    }

    use Opcode::*;

    #[test]
    fn stores_of_parameters_and_constants() {
        let code = init(
            3,
            &[(LOAD_FAST, 1), (LOAD_FAST, 0), (STORE_ATTR, 0), (LOAD_CONST, 0), (LOAD_FAST, 0), (STORE_ATTR, 1), (LOAD_FAST, 0), (LOAD_FAST, 0), (STORE_ATTR, 2), (RETURN_CONST, 0)],
            vec![Constant::None],
            &["a", "b", "me"],
        );
        let plan = attribute_init(&code).expect("simple init");
        assert_eq!(
            &*plan,
            &[
                InitStore { value: InitValue::Param(1), name: 0 },
                InitStore { value: InitValue::Const(0), name: 1 },
                InitStore { value: InitValue::Param(0), name: 2 },
            ]
        );
        // `def __init__(self): pass`
        let empty = init(1, &[(RETURN_CONST, 0)], vec![Constant::None], &[]);
        assert_eq!(attribute_init(&empty).as_deref(), Some(&[][..]));
    }

    #[test]
    fn anything_else_is_refused() {
        let ok = [(LOAD_FAST, 1), (LOAD_FAST, 0), (STORE_ATTR, 0), (RETURN_CONST, 0)];
        let base = || init(2, &ok, vec![Constant::None, Constant::Int(1)], &["a", "b"]);
        assert!(attribute_init(&base()).is_some());
        // Returns something other than None (a TypeError to raise).
        let mut c = base();
        c.instructions[3] = Instr::new(RETURN_CONST, 1);
        assert!(attribute_init(&c).is_none());
        // Stores on something other than `self`.
        let mut c = base();
        c.instructions[1] = Instr::new(LOAD_FAST, 1);
        assert!(attribute_init(&c).is_none());
        // Reads a slot that is not a parameter (unbound: UnboundLocalError).
        let mut c = base();
        c.instructions[0] = Instr::new(LOAD_FAST, 2);
        assert!(attribute_init(&c).is_none());
        // The same attribute twice.
        let c = init(2, &[(LOAD_FAST, 1), (LOAD_FAST, 0), (STORE_ATTR, 0), (LOAD_FAST, 1), (LOAD_FAST, 0), (STORE_ATTR, 0), (RETURN_CONST, 0)], vec![Constant::None], &["a"]);
        assert!(attribute_init(&c).is_none());
        // Any other instruction (a call, a global, a computed value).
        let c = init(2, &[(LOAD_FAST, 1), (LOAD_CONST, 1), (BINARY_OP, 0), (LOAD_FAST, 0), (STORE_ATTR, 0), (RETURN_CONST, 0)], vec![Constant::None, Constant::Int(1)], &["a"]);
        assert!(attribute_init(&c).is_none());
        // *args, keyword-only parameters, generators, cells.
        for flag in [code_flags::VARARGS, code_flags::VARKEYWORDS, code_flags::GENERATOR, code_flags::COROUTINE] {
            let mut c = base();
            c.flags |= flag;
            assert!(attribute_init(&c).is_none());
        }
        let mut c = base();
        c.kwonlyargcount = 1;
        assert!(attribute_init(&c).is_none());
        let mut c = base();
        c.localsplus_kinds[1] |= slot_kind::CELL;
        assert!(attribute_init(&c).is_none());
        // No `self`.
        let c = init(0, &[(RETURN_CONST, 0)], vec![Constant::None], &[]);
        assert!(attribute_init(&c).is_none());
        // Too many stores.
        let names: Vec<String> = (0..=MAX_INIT_STORES).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut body: Vec<(Opcode, u32)> = (0..=MAX_INIT_STORES as u32).flat_map(|i| [(LOAD_CONST, 0), (LOAD_FAST, 0), (STORE_ATTR, i)]).collect();
        body.push((RETURN_CONST, 0));
        assert!(attribute_init(&init(1, &body, vec![Constant::None], &refs)).is_none());
        body.drain(0..3);
        assert_eq!(attribute_init(&init(1, &body, vec![Constant::None], &refs)).map(|p| p.len()), Some(MAX_INIT_STORES));
    }
}
