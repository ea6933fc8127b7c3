//! Quickening: the VM's copy of a code object's instructions with common pairs replaced
//! by one dispatch (CPython 3.13's superinstructions such as `LOAD_FAST_LOAD_FAST`, and its
//! specialized `LOAD_ATTR` on a local). The compiler's output is left as CPython would
//! emit it (what the disassembler shows); only the VM runs the quickened copy.
//!
//! A pair `i, i+1` keeps its length: instruction `i` becomes the pair opcode (keeping its
//! own argument) and `i + 1` stays as it was. Jumps to `i + 1` therefore still run the
//! second instruction alone, and the exception table and locations need no change. The
//! pair opcode reads its second argument from `i + 1` and continues at `i + 2`. Runs of
//! three and four (`d += 1`, `p = p.parent`) work the same way: the first instruction
//! is replaced, the others stay and give their arguments, and no jump may land inside.

use crate::opcode::{ArgKind, Instr, Opcode};

/// The quickened copy of `code`.
///
/// Pairs are taken left to right, except that an instruction some jump lands on is not
/// made the second half of a pair: a jump there would run it alone, and a loop's head
/// (`while p is not None:` is `LOAD_FAST p; POP_JUMP_IF_NONE`) is better paired with
/// what follows it, since the loop comes back to it on every iteration.
pub fn quicken(code: &[Instr]) -> Box<[Instr]> {
    let mut out: Vec<Instr> = code.to_vec();
    let mut target = vec![false; code.len()];
    for ins in code {
        if ins.op().arg_kind() == ArgKind::Jump {
            if let Some(t) = target.get_mut(ins.arg() as usize) {
                *t = true;
            }
        }
    }
    let mut i = 0;
    while i + 1 < code.len() {
        if target[i + 1] {
            i += 1;
            continue;
        }
        // Runs of three or four first: none of their later instructions may be a jump
        // target either.
        let ops = |n: usize| -> Option<Vec<Opcode>> {
            let run = code.get(i..i + n)?;
            if target[i + 1..i + n].iter().any(|&t| t) {
                return None;
            }
            Some(run.iter().map(|c| c.op()).collect())
        };
        let run = match ops(4).as_deref() {
            Some([Opcode::LOAD_FAST, Opcode::LOAD_CONST, Opcode::BINARY_OP, Opcode::STORE_FAST]) => Some((Opcode::LOAD_FAST_CONST_OP_STORE, 4)),
            _ => match ops(3).as_deref() {
                Some([Opcode::LOAD_FAST, Opcode::LOAD_ATTR, Opcode::STORE_FAST]) => Some((Opcode::LOAD_FAST_ATTR_STORE_FAST, 3)),
                _ => None,
            },
        };
        if let Some((op, n)) = run {
            out[i] = Instr::new(op, code[i].arg());
            i += n;
            continue;
        }
        let (a, b) = (code[i], code[i + 1]);
        // `x; b.attr` is better paired as `x` then `b.attr` (the receiver is borrowed).
        let attr_follows = matches!(code.get(i + 2).map(|c| c.op()), Some(Opcode::LOAD_ATTR | Opcode::STORE_ATTR));
        let pair = match (a.op(), b.op()) {
            (Opcode::LOAD_FAST, Opcode::LOAD_ATTR) => Some(Opcode::LOAD_FAST_ATTR),
            (Opcode::LOAD_FAST, Opcode::STORE_ATTR) => Some(Opcode::LOAD_FAST_STORE_ATTR),
            (Opcode::LOAD_FAST, Opcode::LOAD_FAST) if !attr_follows => Some(Opcode::LOAD_FAST_LOAD_FAST),
            (Opcode::STORE_FAST, Opcode::LOAD_FAST) if !attr_follows => Some(Opcode::STORE_FAST_LOAD_FAST),
            (Opcode::LOAD_FAST, Opcode::LOAD_CONST) => Some(Opcode::LOAD_FAST_LOAD_CONST),
            (Opcode::LOAD_GLOBAL, Opcode::PUSH_NULL) => Some(Opcode::LOAD_GLOBAL_NULL),
            (Opcode::COMPARE_OP, Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE) => Some(Opcode::COMPARE_OP_JUMP),
            (Opcode::LOAD_CONST, Opcode::LOAD_FAST) if !attr_follows => Some(Opcode::LOAD_CONST_LOAD_FAST),
            (Opcode::LOAD_FAST, Opcode::POP_JUMP_IF_FALSE) => Some(Opcode::LOAD_FAST_JUMP_IF_FALSE),
            (Opcode::LOAD_FAST, Opcode::POP_JUMP_IF_TRUE) => Some(Opcode::LOAD_FAST_JUMP_IF_TRUE),
            (Opcode::LOAD_FAST, Opcode::POP_JUMP_IF_NONE) => Some(Opcode::LOAD_FAST_JUMP_IF_NONE),
            (Opcode::LOAD_FAST, Opcode::POP_JUMP_IF_NOT_NONE) => Some(Opcode::LOAD_FAST_JUMP_IF_NOT_NONE),
            _ => None,
        };
        match pair {
            Some(op) => {
                out[i] = Instr::new(op, a.arg());
                i += 2;
            }
            None => i += 1,
        }
    }
    out.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(op: Opcode, arg: u32) -> Instr {
        Instr::new(op, arg)
    }

    #[test]
    fn pairs_keep_length_and_second_instruction() {
        let code = [
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::LOAD_ATTR, 3),
            ins(Opcode::LOAD_FAST, 1),
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::STORE_ATTR, 4),
            ins(Opcode::LOAD_FAST, 1),
            ins(Opcode::LOAD_FAST, 2),
            ins(Opcode::BINARY_OP, 0),
            ins(Opcode::RETURN_VALUE, 0),
        ];
        let q = quicken(&code);
        assert_eq!(q.len(), code.len());
        let ops: Vec<(Opcode, u32)> = q.iter().map(|i| (i.op(), i.arg())).collect();
        assert_eq!(
            ops,
            vec![
                (Opcode::LOAD_FAST_ATTR, 0),
                (Opcode::LOAD_ATTR, 3),
                // LOAD_FAST 1 is followed by `LOAD_FAST 0; STORE_ATTR`: left alone so the
                // attribute pair forms.
                (Opcode::LOAD_FAST, 1),
                (Opcode::LOAD_FAST_STORE_ATTR, 0),
                (Opcode::STORE_ATTR, 4),
                (Opcode::LOAD_FAST_LOAD_FAST, 1),
                (Opcode::LOAD_FAST, 2),
                (Opcode::BINARY_OP, 0),
                (Opcode::RETURN_VALUE, 0),
            ]
        );
        assert!(q.iter().all(|i| i.op().is_quickened() || code.contains(i)));
    }

    #[test]
    fn call_and_compare_pairs() {
        // `if n < 2: ...; f(n)` as the compiler emits it.
        let code = [
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::LOAD_CONST, 1),
            ins(Opcode::COMPARE_OP, 0),
            ins(Opcode::POP_JUMP_IF_FALSE, 6),
            ins(Opcode::LOAD_CONST, 0),
            ins(Opcode::RETURN_VALUE, 0),
            ins(Opcode::LOAD_GLOBAL, 0),
            ins(Opcode::PUSH_NULL, 0),
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::CALL, 1),
            ins(Opcode::STORE_FAST, 1),
            ins(Opcode::LOAD_FAST, 1),
            ins(Opcode::RETURN_VALUE, 0),
        ];
        let ops: Vec<Opcode> = quicken(&code).iter().map(|i| i.op()).collect();
        assert_eq!(
            ops,
            vec![
                Opcode::LOAD_FAST_LOAD_CONST,
                Opcode::LOAD_CONST,
                Opcode::COMPARE_OP_JUMP,
                Opcode::POP_JUMP_IF_FALSE,
                Opcode::LOAD_CONST,
                Opcode::RETURN_VALUE,
                Opcode::LOAD_GLOBAL_NULL,
                Opcode::PUSH_NULL,
                Opcode::LOAD_FAST,
                Opcode::CALL,
                Opcode::STORE_FAST_LOAD_FAST,
                Opcode::LOAD_FAST,
                Opcode::RETURN_VALUE,
            ]
        );
    }

    #[test]
    fn a_jump_target_starts_its_own_pair() {
        // `p = n; while p is not None: p = p.parent` as the compiler emits it: the loop
        // head (index 2) is a jump target, so it is not the second half of the store's
        // pair but pairs with its own jump.
        let code = [
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::STORE_FAST, 1),
            ins(Opcode::LOAD_FAST, 1),
            ins(Opcode::POP_JUMP_IF_NONE, 8),
            ins(Opcode::LOAD_FAST, 1),
            ins(Opcode::LOAD_ATTR, 0),
            ins(Opcode::STORE_FAST, 1),
            ins(Opcode::JUMP_BACKWARD, 2),
            ins(Opcode::LOAD_CONST, 0),
            ins(Opcode::LOAD_FAST, 1),
            ins(Opcode::BINARY_OP, 5),
            ins(Opcode::RETURN_VALUE, 0),
        ];
        let ops: Vec<Opcode> = quicken(&code).iter().map(|i| i.op()).collect();
        assert_eq!(
            ops,
            vec![
                Opcode::LOAD_FAST,
                Opcode::STORE_FAST,
                Opcode::LOAD_FAST_JUMP_IF_NONE,
                Opcode::POP_JUMP_IF_NONE,
                Opcode::LOAD_FAST_ATTR_STORE_FAST,
                Opcode::LOAD_ATTR,
                Opcode::STORE_FAST,
                Opcode::JUMP_BACKWARD,
                // The jump's target (8) starts a pair of its own.
                Opcode::LOAD_CONST_LOAD_FAST,
                Opcode::LOAD_FAST,
                Opcode::BINARY_OP,
                Opcode::RETURN_VALUE,
            ]
        );
        // Without the jump to index 2 the store takes the load as before.
        let mut straight = code;
        straight[7] = ins(Opcode::NOP, 0);
        straight[3] = ins(Opcode::NOP, 0);
        assert_eq!(quicken(&straight)[1].op(), Opcode::STORE_FAST_LOAD_FAST);
    }

    #[test]
    fn each_jump_kind_has_its_own_pair() {
        let kinds = [
            (Opcode::POP_JUMP_IF_FALSE, Opcode::LOAD_FAST_JUMP_IF_FALSE),
            (Opcode::POP_JUMP_IF_TRUE, Opcode::LOAD_FAST_JUMP_IF_TRUE),
            (Opcode::POP_JUMP_IF_NONE, Opcode::LOAD_FAST_JUMP_IF_NONE),
            (Opcode::POP_JUMP_IF_NOT_NONE, Opcode::LOAD_FAST_JUMP_IF_NOT_NONE),
        ];
        for (jump, pair) in kinds {
            let code = [ins(Opcode::LOAD_FAST, 3), ins(jump, 3), ins(Opcode::RETURN_CONST, 0), ins(Opcode::RETURN_CONST, 1)];
            let q = quicken(&code);
            assert_eq!((q[0].op(), q[0].arg()), (pair, 3));
            assert_eq!(q[1], code[1]);
        }
    }

    #[test]
    fn runs_of_three_and_four_keep_their_instructions() {
        // `d += 1; p = p.parent; return d`
        let code = [
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::LOAD_CONST, 1),
            ins(Opcode::BINARY_OP, 13),
            ins(Opcode::STORE_FAST, 0),
            ins(Opcode::LOAD_FAST, 1),
            ins(Opcode::LOAD_ATTR, 2),
            ins(Opcode::STORE_FAST, 1),
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::RETURN_VALUE, 0),
        ];
        let q = quicken(&code);
        assert_eq!((q[0].op(), q[0].arg()), (Opcode::LOAD_FAST_CONST_OP_STORE, 0));
        assert_eq!((q[4].op(), q[4].arg()), (Opcode::LOAD_FAST_ATTR_STORE_FAST, 1));
        assert_eq!(&q[1..4], &code[1..4]);
        assert_eq!(&q[5..], &code[5..]);
    }

    #[test]
    fn a_jump_into_a_run_leaves_it_to_the_pairs() {
        // A jump to the `BINARY_OP` (index 2): the run cannot be taken, the first two
        // still pair.
        let code = [
            ins(Opcode::LOAD_FAST, 0),
            ins(Opcode::LOAD_CONST, 1),
            ins(Opcode::BINARY_OP, 0),
            ins(Opcode::STORE_FAST, 0),
            ins(Opcode::JUMP_BACKWARD, 2),
        ];
        let ops: Vec<Opcode> = quicken(&code).iter().map(|i| i.op()).collect();
        assert_eq!(ops, vec![Opcode::LOAD_FAST_LOAD_CONST, Opcode::LOAD_CONST, Opcode::BINARY_OP, Opcode::STORE_FAST, Opcode::JUMP_BACKWARD]);
        // A jump to the `STORE_FAST` of `p = p.parent` likewise.
        let code = [ins(Opcode::LOAD_FAST, 1), ins(Opcode::LOAD_ATTR, 2), ins(Opcode::STORE_FAST, 1), ins(Opcode::JUMP_BACKWARD, 2)];
        assert_eq!(quicken(&code)[0].op(), Opcode::LOAD_FAST_ATTR);
    }

    #[test]
    fn a_trailing_load_fast_is_left_alone() {
        let code = [ins(Opcode::LOAD_FAST, 0)];
        assert_eq!(quicken(&code)[0].op(), Opcode::LOAD_FAST);
    }
}
