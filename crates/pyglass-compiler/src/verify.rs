//! A bytecode verifier: the VM trusts the bytecode, so every code object the compiler
//! produces can be checked here (the test-suite does so for everything it compiles).
//!
//! Checks, for the code object and recursively for every nested code constant:
//! * every opcode byte is known; arguments of argument-less opcodes are 0;
//! * constant, name and fast-slot indices are in range, and the slot kind suits the
//!   opcode (`LOAD_FAST` never touches a cell or free slot, `*_DEREF`/`LOAD_CLOSURE` only
//!   cell or free slots, `MAKE_CELL` only cells, `COPY_FREE_VARS n` copies exactly the free
//!   variables);
//! * jump targets and exception-table entries are in range; entries are sorted and do
//!   not overlap;
//! * a flow analysis from the entry point and from every exception handler (entered with
//!   `depth + lasti + 1` items) finds the stack depth never negative, equal at every merge
//!   point and never above `stacksize`, no path falling off the end, and no instruction
//!   that may raise leaving fewer items than its handler's depth;
//! * `YIELD_VALUE`/`SEND` only appear in generator code.

use crate::stack_effect::{cannot_raise, is_jump, is_terminator, pops_pushes};
use pyglass_bytecode::{slot_kind, ArgKind, CodeObject, Constant, Opcode};

/// Items an instruction actually removes from the stack when it raises (the rest of its
/// `pops` are only inspected).
fn consumed_on_error(op: Opcode, arg: u32) -> u32 {
    use Opcode::*;
    match op {
        COPY | SWAP | WITH_EXCEPT_START | IMPORT_FROM | FOR_ITER => 0,
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => 1,
        MAP_ADD => 2,
        _ => pops_pushes(op, arg, false).0,
    }
}

/// Verify `code` and every code object nested in its constants.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

fn verify_one(code: &CodeObject) -> Result<(), String> {
    let n = code.instructions.len();
    if n == 0 {
        return Err("no instructions".into());
    }
    if code.locations.len() != n {
        return Err(format!("{} locations for {n} instructions", code.locations.len()));
    }
    if code.localsplus_names.len() != code.localsplus_kinds.len() {
        return Err("localsplus names and kinds differ in length".into());
    }
    let nslots = code.localsplus_names.len();
    if code.total_args() > nslots {
        return Err("more arguments than fast slots".into());
    }
    if code.posonlyargcount > code.argcount {
        return Err("posonlyargcount > argcount".into());
    }
    // Free variables must be the trailing slots.
    let nfree = code.nfreevars();
    for (i, k) in code.localsplus_kinds.iter().enumerate() {
        let is_free = k & slot_kind::FREE != 0;
        if is_free != (i >= nslots - nfree) {
            return Err(format!("free variable slot {i} out of place"));
        }
    }
    if code.docstring.is_some() && !matches!(code.constants.first(), Some(Constant::Str(_))) {
        return Err("docstring is not constants[0]".into());
    }

    for (i, ins) in code.instructions.iter().enumerate() {
        let op = ins.op();
        let arg = ins.arg();
        if op.is_quickened() {
            return Err(format!("quickened opcode {} at {i} in compiler output", op.name()));
        }
        if arg > pyglass_bytecode::opcode::MAX_ARG {
            return Err(format!("argument {arg} too large at {i}"));
        }
        let idx = arg as usize;
        match op.arg_kind() {
            ArgKind::None if arg != 0 => return Err(format!("{} with argument {arg} at {i}", op.name())),
            ArgKind::Const if idx >= code.constants.len() => {
                return Err(format!("constant index {arg} out of range at {i}"))
            }
            ArgKind::Name if idx >= code.names.len() => return Err(format!("name index {arg} out of range at {i}")),
            ArgKind::Local if idx >= nslots => return Err(format!("slot {arg} out of range at {i}")),
            ArgKind::Jump if idx >= n => return Err(format!("jump target {arg} out of range at {i}")),
            _ => {}
        }
        let kind = code.localsplus_kinds.get(idx).copied().unwrap_or(0);
        use Opcode::*;
        match op {
            LOAD_FAST | STORE_FAST | DELETE_FAST if kind & (slot_kind::CELL | slot_kind::FREE) != 0 => {
                return Err(format!("{} on cell/free slot {arg} at {i}", op.name()))
            }
            LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLOSURE | LOAD_FROM_DICT_OR_DEREF
                if kind & (slot_kind::CELL | slot_kind::FREE) == 0 =>
            {
                return Err(format!("{} on plain slot {arg} at {i}", op.name()))
            }
            MAKE_CELL if kind & slot_kind::CELL == 0 => return Err(format!("MAKE_CELL on non-cell slot {arg} at {i}")),
            COPY_FREE_VARS if idx != nfree => return Err(format!("COPY_FREE_VARS {arg} but {nfree} free variables")),
            COPY if arg < 1 => return Err(format!("COPY 0 at {i}")),
            SWAP if arg < 2 => return Err(format!("SWAP {arg} at {i}")),
            BUILD_SLICE if !(2..=3).contains(&arg) => return Err(format!("BUILD_SLICE {arg} at {i}")),
            LIST_APPEND | SET_ADD | MAP_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE if arg < 1 => {
                return Err(format!("{} 0 at {i}", op.name()))
            }
            CONVERT_VALUE if !(1..=3).contains(&arg) => return Err(format!("CONVERT_VALUE {arg} at {i}")),
            RERAISE | CALL_FUNCTION_EX | IS_OP | CONTAINS_OP if arg > 1 => {
                return Err(format!("{} {arg} at {i}", op.name()))
            }
            RAISE_VARARGS if arg > 2 => return Err(format!("RAISE_VARARGS {arg} at {i}")),
            BINARY_OP if pyglass_bytecode::BinaryOp::from_arg(arg).is_none() => {
                return Err(format!("bad BINARY_OP {arg} at {i}"))
            }
            COMPARE_OP if pyglass_bytecode::CompareOp::from_arg(arg).is_none() => {
                return Err(format!("bad COMPARE_OP {arg} at {i}"))
            }
            SET_FUNCTION_ATTRIBUTE if ![1, 2, 4, 8].contains(&arg) => {
                return Err(format!("SET_FUNCTION_ATTRIBUTE {arg} at {i}"))
            }
            YIELD_VALUE | SEND if !code.is_generator() => {
                return Err(format!("{} outside generator at {i}", op.name()))
            }
            _ => {}
        }
    }

    // Exception table.
    let mut prev_end = 0;
    for e in &code.exception_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!("bad exception entry {e:?}"));
        }
        if e.start < prev_end {
            return Err(format!("overlapping or unsorted exception entry {e:?}"));
        }
        prev_end = e.end;
    }

    // Stack depth flow analysis (in u64: arguments are untrusted).
    let stacksize = code.stacksize as u64;
    let mut depth: Vec<Option<u64>> = vec![None; n];
    let mut work = Vec::new();
    let visit = |depth: &mut Vec<Option<u64>>, work: &mut Vec<usize>, pos: usize, d: u64| -> Result<(), String> {
        if pos >= n {
            return Err(format!("control flow runs past the end (to {pos})"));
        }
        if d > stacksize {
            return Err(format!("stack depth {d} at {pos} exceeds stacksize {stacksize}"));
        }
        match depth[pos] {
            None => {
                depth[pos] = Some(d);
                work.push(pos);
                Ok(())
            }
            Some(old) if old != d => Err(format!("inconsistent stack depth at {pos}: {old} vs {d}")),
            Some(_) => Ok(()),
        }
    };
    visit(&mut depth, &mut work, 0, 0)?;
    for e in &code.exception_table {
        visit(&mut depth, &mut work, e.target as usize, e.depth as u64 + 1 + e.lasti as u64)?;
    }
    while let Some(i) = work.pop() {
        let ins = code.instructions[i];
        let op = ins.op();
        let arg = ins.arg();
        if op.is_quickened() {
            return Err(format!("quickened opcode {} at {i} in compiler output", op.name()));
        }
        let d = depth[i].unwrap_or(0);
        let (pops, pushes) = pops_pushes(op, arg, false);
        let (pops, pushes) = (pops as u64, pushes as u64);
        if d < pops {
            return Err(format!("stack underflow at {i} ({} with depth {d})", op.name()));
        }
        if d - pops + pushes > stacksize {
            return Err(format!("stack overflow at {i}: {} > {stacksize}", d - pops + pushes));
        }
        if !cannot_raise(op) {
            if let Some(e) = code.handler_for(i as u32) {
                let left = d - consumed_on_error(op, arg) as u64;
                if left < e.depth as u64 {
                    return Err(format!(
                        "{} at {i} may raise with {left} items on the stack, below its handler's depth {}",
                        op.name(),
                        e.depth
                    ));
                }
            }
        }
        if is_jump(op) {
            let (jp, jq) = pops_pushes(op, arg, true);
            visit(&mut depth, &mut work, arg as usize, d - jp as u64 + jq as u64)?;
        }
        if !is_terminator(op) {
            visit(&mut depth, &mut work, i + 1, d - pops + pushes)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyglass_bytecode::{ExceptionEntry, Instr};

    fn compiled(src: &str) -> CodeObject {
        let code = crate::compile_source(src, "<t>", crate::Mode::Exec).expect("compiles");
        verify(&code).expect("verifies");
        code
    }

    fn function(src: &str) -> CodeObject {
        let module = compiled(src);
        module
            .constants
            .iter()
            .find_map(|c| match c {
                Constant::Code(c) => Some((**c).clone()),
                _ => None,
            })
            .expect("a function")
    }

    fn set(code: &mut CodeObject, i: usize, op: Opcode, arg: u32) {
        code.instructions[i] = Instr::new(op, arg);
    }

    #[test]
    fn rejects_out_of_range_operands() {
        let base = function("def f(a):\n    return a + g\n");
        let mut c = base.clone();
        set(&mut c, 0, Opcode::LOAD_FAST, 9);
        assert!(verify_one(&c).unwrap_err().contains("slot"));
        let mut c = base.clone();
        set(&mut c, 1, Opcode::LOAD_GLOBAL, 9);
        assert!(verify_one(&c).unwrap_err().contains("name index"));
        let mut c = base.clone();
        set(&mut c, 0, Opcode::LOAD_CONST, 99);
        assert!(verify_one(&c).unwrap_err().contains("constant index"));
        let mut c = base.clone();
        set(&mut c, 0, Opcode::POP_JUMP_IF_TRUE, 99);
        assert!(verify_one(&c).is_err());
        // (An unknown opcode byte cannot be represented: `Instr` holds a decoded `Opcode`.)
        drop(base);
    }

    #[test]
    fn rejects_bad_stack_depths() {
        let base = function("def f(a):\n    return a + 1\n");
        // Underflow: BINARY_OP with one operand.
        let mut c = base.clone();
        set(&mut c, 1, Opcode::NOP, 0);
        assert!(verify_one(&c).unwrap_err().contains("underflow"));
        // Stack size too small.
        let mut c = base.clone();
        c.stacksize = 1;
        assert!(verify_one(&c).is_err());
        // Falling off the end.
        let mut c = base.clone();
        let n = c.instructions.len();
        set(&mut c, n - 1, Opcode::POP_TOP, 0);
        assert!(verify_one(&c).unwrap_err().contains("past the end"));
        // Inconsistent merge: a loop that pushes on every iteration.
        let mut c = base;
        set(&mut c, 2, Opcode::JUMP_BACKWARD, 0);
        assert!(verify_one(&c).unwrap_err().contains("inconsistent"));
    }

    #[test]
    fn rejects_bad_exception_tables() {
        let base = function("def f(a):\n    try:\n        a()\n    except E:\n        pass\n");
        assert!(!base.exception_table.is_empty());
        let mut c = base.clone();
        c.exception_table[0].target = 999;
        assert!(verify_one(&c).is_err());
        let mut c = base.clone();
        c.exception_table[0].depth += 1;
        assert!(verify_one(&c).is_err());
        let mut c = base.clone();
        let e = c.exception_table[0];
        c.exception_table.insert(1, ExceptionEntry { start: e.start, end: e.end, ..e });
        assert!(verify_one(&c).unwrap_err().contains("overlapping"));
        // A handler deeper than the stack of an instruction it covers.
        let mut c = base;
        for e in &mut c.exception_table {
            e.depth += 3;
        }
        c.stacksize += 10;
        assert!(verify_one(&c).is_err());
    }

    #[test]
    fn rejects_wrong_slot_kinds() {
        let base = function("def f(a):\n    def g():\n        return a\n    return g\n");
        let mut c = base.clone();
        let i = c.instructions.iter().position(|i| i.op() == Opcode::LOAD_CLOSURE).expect("closure");
        let arg = c.instructions[i].arg();
        set(&mut c, i, Opcode::LOAD_FAST, arg);
        assert!(verify_one(&c).unwrap_err().contains("cell/free"));
        let mut c = base;
        let i = c.instructions.iter().position(|i| i.op() == Opcode::MAKE_CELL).expect("cell");
        set(&mut c, i, Opcode::LOAD_DEREF, 1);
        assert!(verify_one(&c).is_err());
    }

    #[test]
    fn rejects_yield_outside_generators() {
        let mut c = function("def f():\n    yield 1\n");
        c.flags &= !pyglass_bytecode::code_flags::GENERATOR;
        assert!(verify_one(&c).unwrap_err().contains("outside generator"));
    }
}
