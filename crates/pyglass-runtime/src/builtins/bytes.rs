//! `bytes` basics.

use crate::object::PyRef;
use crate::objects::misc::BytesData;
use crate::vm::Vm;

pub fn bytes_of(v: &PyRef) -> &[u8] {
    v.downcast::<BytesData>().map(|b| &b.0[..]).unwrap_or(&[])
}

pub fn new_bytes(vm: &Vm, v: Vec<u8>) -> PyRef {
    vm.ctx.alloc(&vm.ctx.types.bytes, BytesData(v.into_boxed_slice()))
}

/// `repr(b)`, CPython's quoting rules.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}
