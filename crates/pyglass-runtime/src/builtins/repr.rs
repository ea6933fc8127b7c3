//! `repr()` and `str()` of the built-in types.

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::float::{float_repr, FloatData};
use crate::objects::function::*;
use crate::objects::int::IntData;
use crate::objects::list::ListData;
use crate::objects::misc::*;
use crate::objects::set::SetData;
use crate::objects::str::{as_str, str_repr, StrData};
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{type_data, TypeData};
use crate::vm::{PyResult, Vm};

thread_local! {
    /// Containers whose repr is in progress (CPython's `Py_ReprEnter`), to print `[...]`.
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn with_repr_guard(obj: &PyRef, recursive: &str, f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
    let addr = obj.addr();
    if REPR_STACK.with(|s| s.borrow().contains(&addr)) {
        return Ok(recursive.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(addr));
    let r = f();
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(p) = s.iter().rposition(|a| *a == addr) {
            s.remove(p);
        }
    });
    r
}

fn join_reprs(vm: &Vm, items: &[PyRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(it)?);
    }
    Ok(out)
}

/// `<module.Name object at 0x...>`.
pub fn default_repr(vm: &Vm, v: &PyRef) -> String {
    let t = v.class();
    let td = type_data(&t);
    let module = td.dict().get_str("__module__").and_then(|m| as_str(&m).map(|s| s.to_string()));
    let qual = td.qualname.borrow().clone();
    let _ = vm;
    match module {
        Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, qual, v.addr()),
        _ => format!("<{} object at {:#x}>", qual, v.addr()),
    }
}

/// `str(int)`, refusing more than `sys.get_int_max_str_digits()` digits as CPython does.
pub fn int_to_decimal(vm: &Vm, iv: &crate::objects::int::IntValue) -> PyResult<String> {
    let s = iv.to_string();
    if iv.bit_length() > 14000 {
        let digits = s.len() - iv.is_negative() as usize;
        if digits > crate::builtins::numbers::INT_MAX_STR_DIGITS {
            return Err(vm.value_error(&format!("Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", crate::builtins::numbers::INT_MAX_STR_DIGITS)));
        }
    }
    Ok(s)
}

/// repr of built-in types; `Ok(None)` when the generic path should handle it.
pub fn native_repr(vm: &Vm, v: &PyRef) -> PyResult<Option<String>> {
    let c = &vm.ctx.consts;
    if v.is(&c.none) {
        return Ok(Some("None".into()));
    }
    if v.is(&c.true_) {
        return Ok(Some("True".into()));
    }
    if v.is(&c.false_) {
        return Ok(Some("False".into()));
    }
    if v.is(&c.ellipsis) {
        return Ok(Some("Ellipsis".into()));
    }
    if v.is(&c.not_implemented) {
        return Ok(Some("NotImplemented".into()));
    }
    Ok(Some(match v.kind() {
        Kind::Int => {
            let iv = v.downcast::<IntData>().expect("kind checked").value();
            int_to_decimal(vm, iv)?
        }
        Kind::Float => float_repr(v.downcast::<FloatData>().expect("kind checked").0),
        Kind::Str => str_repr(v.downcast::<StrData>().expect("kind checked").as_str()),
        Kind::List => {
            let items = v.downcast::<ListData>().expect("kind checked").snapshot();
            with_repr_guard(v, "[...]", || Ok(format!("[{}]", join_reprs(vm, &items)?)))?
        }
        Kind::Tuple => {
            let items = tuple_items(v).to_vec();
            with_repr_guard(v, "(...)", || {
                Ok(if items.len() == 1 { format!("({},)", vm.repr_string(&items[0])?) } else { format!("({})", join_reprs(vm, &items)?) })
            })?
        }
        Kind::Dict => {
            let items = v.downcast::<DictData>().expect("kind checked").items();
            with_repr_guard(v, "{...}", || {
                let mut out = String::from("{");
                for (i, (k, val)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&vm.repr_string(k)?);
                    out.push_str(": ");
                    out.push_str(&vm.repr_string(val)?);
                }
                out.push('}');
                Ok(out)
            })?
        }
        Kind::Set => {
            let items = v.downcast::<SetData>().expect("kind checked").items();
            let frozen = v.class().is(&vm.ctx.types.frozenset);
            with_repr_guard(v, "{...}", || {
                Ok(match (frozen, items.is_empty()) {
                    (false, true) => "set()".into(),
                    (true, true) => "frozenset()".into(),
                    (false, false) => format!("{{{}}}", join_reprs(vm, &items)?),
                    (true, false) => format!("frozenset({{{}}})", join_reprs(vm, &items)?),
                })
            })?
        }
        Kind::Range => {
            let r = v.downcast::<RangeData>().expect("kind checked");
            if r.step == crate::objects::int::IntValue::Small(1) {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Kind::Slice => {
            let s = v.downcast::<SliceData>().expect("kind checked");
            format!("slice({}, {}, {})", vm.repr_string(&s.start)?, vm.repr_string(&s.stop)?, vm.repr_string(&s.step)?)
        }
        Kind::Type => {
            let td = v.downcast::<TypeData>().expect("kind checked");
            let module = td.dict().get_str("__module__").and_then(|m| as_str(&m).map(|s| s.to_string()));
            let q = td.qualname.borrow().clone();
            match module {
                Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
                _ => format!("<class '{q}'>"),
            }
        }
        Kind::Function => {
            let f = v.downcast::<FunctionData>().expect("kind checked");
            let q = f.qualname.borrow().clone();
            format!("<function {} at {:#x}>", as_str(&q).unwrap_or("?"), v.addr())
        }
        Kind::BuiltinFunction => {
            let b = v.downcast::<BuiltinFunctionData>().expect("kind checked");
            match &b.self_ {
                Some(s) if !s.is_kind(Kind::Module) => format!("<built-in method {} of {} object at {:#x}>", b.name, vm.type_name(s), s.addr()),
                _ => format!("<built-in function {}>", b.name),
            }
        }
        Kind::MethodDescriptor => {
            let m = v.downcast::<MethodDescrData>().expect("kind checked");
            let owner = type_data(&m.owner).name();
            if m.name.starts_with("__") && m.name.ends_with("__") {
                format!("<slot wrapper '{}' of '{}' objects>", m.name, owner)
            } else {
                format!("<method '{}' of '{}' objects>", m.name, owner)
            }
        }
        Kind::GetSetDescriptor => {
            let g = v.downcast::<GetSetDescrData>().expect("kind checked");
            format!("<attribute '{}' of '{}' objects>", g.name, type_data(&g.owner).name())
        }
        Kind::MemberDescriptor => {
            let m = v.downcast::<MemberDescrData>().expect("kind checked");
            format!("<member '{}' of '{}' objects>", as_str(&m.name).unwrap_or(""), m.owner_name)
        }
        Kind::BoundMethod => {
            let b = v.downcast::<BoundMethodData>().expect("kind checked");
            let fname = match b.func.downcast::<FunctionData>() {
                Some(f) => as_str(&f.qualname.borrow().clone()).unwrap_or("?").to_string(),
                None => "?".into(),
            };
            format!("<bound method {} of {}>", fname, vm.repr_string(&b.self_)?)
        }
        Kind::Module => {
            let m = v.downcast::<ModuleData>().expect("kind checked");
            let d = m.dict.downcast::<DictData>().expect("dict");
            let name = d.get_str("__name__").and_then(|n| as_str(&n).map(|s| s.to_string())).unwrap_or_else(|| "?".into());
            match d.get_str("__file__").and_then(|f| as_str(&f).map(|s| s.to_string())) {
                Some(f) => format!("<module '{name}' from '{f}'>"),
                None => format!("<module '{name}' (built-in)>"),
            }
        }
        Kind::Exception => {
            let e = v.downcast::<ExceptionData>().expect("kind checked");
            let args = tuple_items(&e.args.borrow()).to_vec();
            let name = vm.type_name(v);
            if args.len() == 1 {
                format!("{}({})", name, vm.repr_string(&args[0])?)
            } else {
                format!("{}({})", name, join_reprs(vm, &args)?)
            }
        }
        Kind::Cell => {
            let c = v.downcast::<CellData>().expect("kind checked");
            match c.0.borrow().clone() {
                Some(x) => format!("<cell at {:#x}: {} object at {:#x}>", v.addr(), vm.type_name(&x), x.addr()),
                None => format!("<cell at {:#x}: empty>", v.addr()),
            }
        }
        Kind::Code => {
            let c = v.downcast::<CodeData>().expect("kind checked");
            format!("<code object {} at {:#x}, file \"{}\", line {}>", c.code.name, v.addr(), c.code.filename, c.code.firstlineno)
        }
        Kind::Generator => {
            let g = v.downcast::<crate::objects::generator::GeneratorData>().expect("kind checked");
            let q = g.qualname.borrow().clone();
            format!("<generator object {} at {:#x}>", as_str(&q).unwrap_or("?"), v.addr())
        }
        Kind::DictView => {
            let dv = v.downcast::<DictViewData>().expect("kind checked");
            if v.class().is(&vm.ctx.types.mappingproxy) {
                return Ok(Some(format!("mappingproxy({})", vm.repr_string(&dv.dict)?)));
            }
            let items = match vm.iterate(v) {
                Ok(i) => i,
                Err(e) => return Err(e),
            };
            let name = vm.type_name(v);
            let _ = dv;
            format!("{}([{}])", name, join_reprs(vm, &items)?)
        }
        Kind::Bytes => crate::builtins::bytes::bytes_repr(crate::builtins::bytes::bytes_of(v)),
        Kind::ByteArray => crate::builtins::bytes::bytearray_repr(vm, v),
        Kind::Property | Kind::StaticMethod | Kind::ClassMethod | Kind::Iterator | Kind::Super | Kind::Traceback | Kind::Object => return Ok(None),
        _ => return Ok(None),
    }))
}

/// `str()` of built-ins where it differs from repr.
pub fn native_str(vm: &Vm, v: &PyRef) -> PyResult<Option<String>> {
    match v.kind() {
        Kind::Str => Ok(as_str(v).map(|s| s.to_string())),
        Kind::Exception => {
            // Subclasses with their own native __str__ (OSError, UnicodeError...) use it.
            if let Some(m) = crate::objects::typeobject::lookup_str(&v.class(), "__str__") {
                if m.downcast::<MethodDescrData>().is_some_and(|d| !d.owner.is(&vm.ctx.exc.base_exception)) {
                    return Ok(None);
                }
            }
            Ok(Some(base_exception_str(vm, v)?))
        }
        _ => Ok(None),
    }
}

/// `BaseException.__str__` (with KeyError's and SyntaxError's variants).
pub fn base_exception_str(vm: &Vm, v: &PyRef) -> PyResult<String> {
    {
        {
            let Some(e) = v.downcast::<ExceptionData>() else { return vm.repr_string(v) };
            let args = tuple_items(&e.args.borrow()).to_vec();
            if crate::objects::typeobject::is_subtype(&v.class(), &vm.ctx.exc.key_error) && args.len() == 1 {
                return vm.repr_string(&args[0]);
            }
            if crate::objects::typeobject::is_subtype(&v.class(), &vm.ctx.exc.syntax_error) {
                if let Some(m) = vm.exc_attr(v, "msg") {
                    return vm.str_string(&m);
                }
            }
            Ok(match args.len() {
                0 => String::new(),
                1 => vm.str_string(&args[0])?,
                _ => format!("({})", join_reprs(vm, &args)?),
            })
        }
    }
}
