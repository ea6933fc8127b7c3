//! Stack effects of the opcodes, exactly as documented in `pyglass_bytecode::opcode`.
//!
//! Each opcode is described by how many items it needs on the stack (`pops`) and how many
//! it leaves in their place (`pushes`); the net effect is their difference. Instructions
//! that only look at deeper items (`COPY n`, `SWAP n`, `LIST_APPEND i`, ...) "pop" down to
//! the deepest item they touch and push back what stays, so that an underflow shows up as
//! `depth < pops`.

use pyglass_bytecode::Opcode;

/// `(pops, pushes)` of `op` with argument `arg`; `jump` selects the effect when the
/// instruction jumps (only differs for `FOR_ITER` and `SEND`).
pub fn pops_pushes(op: Opcode, arg: u32, jump: bool) -> (u32, u32) {
    use Opcode::*;
    let n = arg;
    match op {
        NOP => (0, 0),
        POP_TOP => (1, 0),
        PUSH_NULL => (0, 1),
        COPY => (n, n + 1),
        SWAP => (n, n),
        LOAD_CONST => (0, 1),
        LOAD_FAST => (0, 1),
        STORE_FAST => (1, 0),
        DELETE_FAST => (0, 0),
        MAKE_CELL => (0, 0),
        COPY_FREE_VARS => (0, 0),
        LOAD_DEREF => (0, 1),
        STORE_DEREF => (1, 0),
        DELETE_DEREF => (0, 0),
        LOAD_CLOSURE => (0, 1),
        LOAD_FROM_DICT_OR_DEREF => (1, 1),
        LOAD_LOCALS => (0, 1),
        LOAD_GLOBAL => (0, 1),
        STORE_GLOBAL => (1, 0),
        DELETE_GLOBAL => (0, 0),
        LOAD_NAME => (0, 1),
        STORE_NAME => (1, 0),
        DELETE_NAME => (0, 0),
        LOAD_ATTR => (1, 1),
        LOAD_METHOD => (1, 2),
        STORE_ATTR => (2, 0),
        DELETE_ATTR => (1, 0),
        UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_INVERT | UNARY_NOT => (1, 1),
        BINARY_OP | COMPARE_OP | IS_OP | CONTAINS_OP => (2, 1),
        BINARY_SUBSCR => (2, 1),
        STORE_SUBSCR => (3, 0),
        DELETE_SUBSCR => (2, 0),
        BINARY_SLICE => (3, 1),
        STORE_SLICE => (4, 0),
        BUILD_SLICE => (n, 1),
        BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => (n, 1),
        BUILD_MAP => (2 * n, 1),
        BUILD_CONST_KEY_MAP => (n + 1, 1),
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => (n + 1, n),
        MAP_ADD => (n + 2, n),
        LIST_TO_TUPLE => (1, 1),
        CONVERT_VALUE | FORMAT_SIMPLE => (1, 1),
        FORMAT_WITH_SPEC => (2, 1),
        JUMP_FORWARD | JUMP_BACKWARD => (0, 0),
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => (1, 0),
        GET_ITER => (1, 1),
        FOR_ITER => {
            if jump {
                (1, 0)
            } else {
                (1, 2)
            }
        }
        UNPACK_SEQUENCE => (1, n),
        UNPACK_EX => (1, (n & 0xff) + (n >> 8) + 1),
        CALL => (n + 2, 1),
        CALL_KW => (n + 3, 1),
        CALL_FUNCTION_EX => (3 + (n & 1), 1),
        MAKE_FUNCTION => (1, 1),
        SET_FUNCTION_ATTRIBUTE => (2, 1),
        LOAD_BUILD_CLASS => (0, 1),
        RETURN_VALUE => (1, 0),
        RETURN_CONST => (0, 0),
        YIELD_VALUE => (1, 1),
        SEND => {
            if jump {
                (2, 1)
            } else {
                (2, 2)
            }
        }
        GET_YIELD_FROM_ITER => (1, 1),
        RAISE_VARARGS => (n, 0),
        RERAISE => (1 + n, 0),
        PUSH_EXC_INFO => (1, 2),
        POP_EXCEPT => (1, 0),
        CHECK_EXC_MATCH => (2, 2),
        LOAD_ASSERTION_ERROR => (0, 1),
        BEFORE_WITH => (1, 2),
        WITH_EXCEPT_START => (4, 5),
        IMPORT_NAME => (2, 1),
        IMPORT_FROM => (1, 2),
        IMPORT_STAR => (1, 0),
        SETUP_ANNOTATIONS => (0, 0),
        PRINT_EXPR => (1, 0),
        // Quickened pairs (the VM's; their effect is the pair's).
        LOAD_FAST_ATTR => (0, 1),
        LOAD_FAST_STORE_ATTR => (1, 0),
        LOAD_FAST_LOAD_FAST => (0, 2),
        LOAD_FAST_LOAD_CONST => (0, 2),
        STORE_FAST_LOAD_FAST => (1, 1),
        LOAD_GLOBAL_NULL => (0, 2),
        COMPARE_OP_JUMP => (2, 0),
        LOAD_CONST_LOAD_FAST => (0, 2),
        LOAD_FAST_JUMP_IF_FALSE | LOAD_FAST_JUMP_IF_TRUE | LOAD_FAST_JUMP_IF_NONE | LOAD_FAST_JUMP_IF_NOT_NONE => (0, 0),
        LOAD_FAST_CONST_OP_STORE | LOAD_FAST_ATTR_STORE_FAST => (0, 0),
    }
}

/// Net stack effect of `op` with argument `arg`, along the jump edge when `jump` is set.
pub fn stack_effect(op: Opcode, arg: u32, jump: bool) -> i32 {
    let (pops, pushes) = pops_pushes(op, arg, jump);
    pushes as i32 - pops as i32
}

/// Whether execution never continues with the next instruction.
pub fn is_terminator(op: Opcode) -> bool {
    use Opcode::*;
    matches!(op, RETURN_VALUE | RETURN_CONST | RAISE_VARARGS | RERAISE | JUMP_FORWARD | JUMP_BACKWARD)
}

/// Whether the instruction can jump (its argument is an instruction index).
pub fn is_jump(op: Opcode) -> bool {
    op.arg_kind() == pyglass_bytecode::ArgKind::Jump
}

/// Instructions that can never raise, so the exception table need not cover their inputs.
pub fn cannot_raise(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        NOP | POP_TOP
            | PUSH_NULL
            | COPY
            | SWAP
            | LOAD_CONST
            | STORE_FAST
            | LOAD_CLOSURE
            | MAKE_CELL
            | COPY_FREE_VARS
            | JUMP_FORWARD
            | PUSH_EXC_INFO
            | POP_EXCEPT
            | RETURN_VALUE
            | RETURN_CONST
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_opcode_has_an_effect() {
        for &op in Opcode::ALL {
            let _ = stack_effect(op, 2, false);
            let _ = stack_effect(op, 2, true);
        }
        assert_eq!(stack_effect(Opcode::FOR_ITER, 0, true), -1);
        assert_eq!(stack_effect(Opcode::FOR_ITER, 0, false), 1);
        assert_eq!(stack_effect(Opcode::SEND, 0, true), -1);
        assert_eq!(stack_effect(Opcode::UNPACK_EX, 1 | (2 << 8), false), 3);
        assert_eq!(stack_effect(Opcode::CALL_KW, 3, false), -5);
        assert_eq!(stack_effect(Opcode::WITH_EXCEPT_START, 0, false), 1);
    }
}
