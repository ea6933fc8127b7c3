//! pyglass-bytecode: the opcode table (defined once, in [`opcode`]), compiled code objects
//! ([`code`]), the disassembler ([`dis`]) and the VM's analyses of code ([`quicken`],
//! [`frameless`]). No dependency on the runtime: the compiler produces these values and
//! the VM consumes them.

pub mod code;
pub mod dis;
pub mod frameless;
pub mod opcode;
pub mod quicken;

pub use code::{code_flags, slot_kind, CodeObject, Constant, ExceptionEntry, Location};
pub use opcode::{ArgKind, BinaryOp, CompareOp, Instr, Opcode, MAX_ARG};
