//! The `builtins` module (CPython `Python/bltinmodule.c`).

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::float::FloatData;
use crate::objects::int::{IntData, IntValue};
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{is_subtype, lookup_str};
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("id", id),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("hash", hash),
    ("iter", iter),
    ("next", next),
    ("hasattr", hasattr),
    ("getattr", getattr),
    ("setattr", setattr),
    ("delattr", delattr),
    ("input", input),
    ("all", all),
    ("any", any),
    ("chr", chr),
    ("ord", ord),
    ("divmod", divmod),
    ("pow", pow),
    ("round", round),
    ("format", format),
    ("callable", callable),
    ("vars", vars),
    ("dir", dir),
    ("globals", globals),
    ("eval", crate::builtins::exec::eval),
    ("exec", crate::builtins::exec::exec),
    ("compile", crate::builtins::exec::compile),
    ("locals", locals),
    ("bin", bin),
    ("oct", oct),
    ("hex", hex),
    ("__build_class__", crate::objects::instance::build_class),
    ("__import__", import),
    ("exit", exit),
    ("quit", exit),
    ("open", crate::modules::io::open),
];

/// Fill the builtins namespace.
pub fn init(vm: &Vm) {
    let b = vm.ctx.builtins.downcast::<DictData>().expect("dict");
    for (name, f) in FUNCTIONS {
        b.set_str_key(vm.ctx.intern(name), vm.new_builtin(name, *f, Some("builtins")));
    }
    let t = &vm.ctx.types;
    for (name, typ) in [
        ("object", &t.object), ("type", &t.type_), ("int", &t.int), ("bool", &t.bool_), ("float", &t.float),
        ("str", &t.str), ("bytes", &t.bytes), ("bytearray", &t.bytearray), ("list", &t.list), ("tuple", &t.tuple),
        ("dict", &t.dict), ("set", &t.set), ("frozenset", &t.frozenset), ("range", &t.range), ("slice", &t.slice),
        ("property", &t.property), ("staticmethod", &t.staticmethod), ("classmethod", &t.classmethod),
        ("enumerate", &t.enumerate), ("zip", &t.zip), ("map", &t.map), ("filter", &t.filter), ("reversed", &t.reversed),
        ("complex", &t.complex),
    ] {
        b.set_str_key(vm.ctx.intern(name), typ.clone());
    }
    b.set_str_key(vm.ctx.intern("super"), vm.new_builtin("super", super_fn, Some("builtins")));
    for (name, e) in &vm.ctx.exc.all {
        b.set_str_key(vm.ctx.intern(name), e.clone());
    }
    b.set_str_key(vm.ctx.intern("EnvironmentError"), vm.ctx.exc.os_error.clone());
    b.set_str_key(vm.ctx.intern("IOError"), vm.ctx.exc.os_error.clone());
    b.set_str_key(vm.ctx.intern("None"), vm.ctx.none());
    b.set_str_key(vm.ctx.intern("Ellipsis"), vm.ctx.consts.ellipsis.clone());
    b.set_str_key(vm.ctx.intern("NotImplemented"), vm.ctx.consts.not_implemented.clone());
    b.set_str_key(vm.ctx.intern("True"), vm.ctx.bool_obj(true));
    b.set_str_key(vm.ctx.intern("False"), vm.ctx.bool_obj(false));
    b.set_str_key(vm.ctx.intern("__debug__"), vm.ctx.bool_obj(true));
    b.set_str_key(vm.ctx.intern("__name__"), vm.ctx.intern("builtins"));
}

/// `super(type, obj)` called with arguments (zero-argument super is handled by the call
/// machinery, which knows the calling frame).
fn super_fn(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "super", &a, 1, 2)?;
    if !p[0].is_kind(Kind::Type) {
        return Err(vm.type_error(&format!("super() argument 1 must be a type, not {}", vm.type_name(&p[0]))));
    }
    crate::objects::instance::new_super(vm, p[0].clone(), p.get(1).cloned())
}

fn print(vm: &Vm, a: Args<'_>) -> PyResult {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file: Option<PyRef> = None;
    let mut flush = false;
    for (k, v) in a.kw() {
        let none = v.is(&vm.ctx.consts.none);
        match as_str(k).unwrap_or("") {
            "sep" if !none => sep = as_str(v).ok_or_else(|| vm.type_error(&format!("sep must be None or a string, not {}", vm.type_name(v))))?.to_string(),
            "end" if !none => end = as_str(v).ok_or_else(|| vm.type_error(&format!("end must be None or a string, not {}", vm.type_name(v))))?.to_string(),
            "file" if !none => file = Some(v.clone()),
            "flush" => flush = vm.is_true(v)?,
            "sep" | "end" | "file" => {}
            other => return Err(vm.type_error(&format!("print() got an unexpected keyword argument '{other}'"))),
        }
    }
    // Without `file=`, `sys.stdout`: None (as at the end of shutdown) prints nothing.
    let file = match file {
        Some(f) => Some(f),
        None => match vm.sys_attr("stdout") {
            None => return Err(vm.new_error(&vm.ctx.exc.runtime_error, "lost sys.stdout")),
            Some(f) if f.is(&vm.ctx.consts.none) => return Ok(vm.ctx.none()),
            // The interpreter's own stream: written directly.
            Some(f) if vm.sys_attr("__stdout__").is_some_and(|o| o.is(&f)) => None,
            Some(f) => Some(f),
        },
    };
    match file {
        Some(f) => {
            // Piece by piece, as CPython writes to a file object.
            let w = vm.getattr_str(&f, "write")?;
            for (i, v) in a.pos().iter().enumerate() {
                if i > 0 {
                    vm.call(&w, &[vm.ctx.new_str(&sep)])?;
                }
                let s = vm.str(v)?;
                vm.call(&w, &[s])?;
            }
            vm.call(&w, &[vm.ctx.new_str(&end)])?;
            if flush {
                if let Some(fl) = vm.getattr_opt(&f, "flush")? {
                    vm.call(&fl, &[])?;
                }
            }
        }
        None => {
            let mut out = String::new();
            for (i, v) in a.pos().iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(&vm.str_string(v)?);
            }
            out.push_str(&end);
            let mut o = vm.ctx.stdout.borrow_mut();
            o.write(&out);
            if flush || vm.ctx.config.interactive {
                o.flush();
            }
        }
    }
    Ok(vm.ctx.none())
}

fn len(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "len", &a, 1, 1)?;
    Ok(vm.ctx.new_int(vm.len(&p[0])? as i64))
}

fn id(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "id", &a, 1, 1)?;
    Ok(vm.ctx.new_int_value(IntValue::from_big(num_bigint::BigInt::from(p[0].addr()))))
}

/// `isinstance` with tuples and `__instancecheck__`.
pub fn isinstance_of(vm: &Vm, obj: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if cls.is_kind(Kind::Tuple) {
        for c in tuple_items(cls) {
            if isinstance_of(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !cls.is_kind(Kind::Type) {
        // Any object with `__instancecheck__` (types.UnionType, GenericAlias).
        if let Some(m) = lookup_str(&cls.class(), "__instancecheck__") {
            let r = vm.call2(&m, cls, obj)?;
            return vm.is_true(&r);
        }
        return Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    if is_subtype(&obj.class(), cls) {
        return Ok(true);
    }
    let meta = cls.class();
    if !meta.is(&vm.ctx.types.type_) {
        if let Some(m) = lookup_str(&meta, "__instancecheck__") {
            if !m.is_kind(Kind::MethodDescriptor) {
                let r = vm.call2(&m, cls, obj)?;
                return vm.is_true(&r);
            }
        }
    }
    Ok(false)
}

fn isinstance(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "isinstance", &a, 2, 2)?;
    Ok(vm.ctx.bool_obj(isinstance_of(vm, &p[0], &p[1])?))
}

fn issubclass_of(vm: &Vm, c: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if cls.is_kind(Kind::Tuple) {
        for x in tuple_items(cls) {
            if issubclass_of(vm, c, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !cls.is_kind(Kind::Type) {
        if let Some(m) = lookup_str(&cls.class(), "__subclasscheck__") {
            let r = vm.call2(&m, cls, c)?;
            return vm.is_true(&r);
        }
    }
    if !c.is_kind(Kind::Type) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if !cls.is_kind(Kind::Type) {
        return Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }
    let meta = cls.class();
    if !meta.is(&vm.ctx.types.type_) {
        if let Some(m) = lookup_str(&meta, "__subclasscheck__") {
            if !m.is_kind(Kind::MethodDescriptor) {
                let r = vm.call2(&m, cls, c)?;
                return vm.is_true(&r);
            }
        }
    }
    Ok(is_subtype(c, cls))
}

fn issubclass(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "issubclass", &a, 2, 2)?;
    Ok(vm.ctx.bool_obj(issubclass_of(vm, &p[0], &p[1])?))
}

fn repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "repr", &a, 1, 1)?;
    vm.repr(&p[0])
}

fn ascii(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "ascii", &a, 1, 1)?;
    vm.ascii(&p[0])
}

fn abs(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "abs", &a, 1, 1)?;
    let x = &p[0];
    if let Some(i) = x.downcast::<IntData>() {
        return Ok(vm.ctx.new_int_value(i.value().abs()));
    }
    if let Some(f) = x.downcast::<FloatData>() {
        return Ok(vm.ctx.new_float(f.0.abs()));
    }
    match lookup_str(&x.class(), "__abs__") {
        Some(m) => vm.call1(&m, x),
        None => Err(vm.type_error(&format!("bad operand type for abs(): '{}'", vm.type_name(x)))),
    }
}

fn min_max(vm: &Vm, a: Args<'_>, name: &str, op: pyglass_bytecode::CompareOp) -> PyResult {
    let p = a.pos();
    let mut key: Option<PyRef> = None;
    let mut default: Option<PyRef> = None;
    for (k, v) in a.kw() {
        match as_str(k).unwrap_or("") {
            "key" => key = if v.is(&vm.ctx.consts.none) { None } else { Some(v.clone()) },
            "default" => default = Some(v.clone()),
            other => return Err(vm.type_error(&format!("{name}() got an unexpected keyword argument '{other}'"))),
        }
    }
    let items = match p.len() {
        0 => return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iterate(&p[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(&format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            p.to_vec()
        }
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, &[it.clone()])?,
            None => it.clone(),
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                if vm.compare_bool(&k, &bk, op)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| vm.value_error(&format!("{name}() iterable argument is empty"))),
    }
}

fn min(vm: &Vm, a: Args<'_>) -> PyResult {
    min_max(vm, a, "min", pyglass_bytecode::CompareOp::Lt)
}
fn max(vm: &Vm, a: Args<'_>) -> PyResult {
    min_max(vm, a, "max", pyglass_bytecode::CompareOp::Gt)
}

fn sum(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "sum", &a, &["iterable", "start"], 1)?;
    let mut acc = b[1].cloned().unwrap_or_else(|| vm.ctx.new_int(0));
    if acc.is_kind(Kind::Str) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.get_iter(b[0].expect("required"))?;
    // Floats are added with Neumaier compensation, as CPython 3.12+ does, so
    // sum([0.1] * 10) == 1.0.
    let mut fsum: Option<(f64, f64)> = None;
    while let Some(x) = vm.next_fast(&it)? {
        let xf = x.downcast::<FloatData>().map(|f| f.0).filter(|_| x.class().is(&vm.ctx.types.float));
        match (&mut fsum, xf) {
            (Some((s, c)), Some(v)) => {
                let t = *s + v;
                if s.abs() >= v.abs() {
                    *c += (*s - t) + v;
                } else {
                    *c += (v - t) + *s;
                }
                *s = t;
                continue;
            }
            (None, Some(v)) if acc.class().is(&vm.ctx.types.float) || (acc.class().is(&vm.ctx.types.int)) => {
                let start = if let Some(f) = acc.downcast::<FloatData>() { f.0 } else { crate::builtins::native::int_to_f64(vm, acc.downcast::<IntData>().expect("int").value())? };
                fsum = Some((start, 0.0));
                let (s, c) = fsum.as_mut().expect("set");
                let t = *s + v;
                if s.abs() >= v.abs() {
                    *c += (*s - t) + v;
                } else {
                    *c += (v - t) + *s;
                }
                *s = t;
                continue;
            }
            _ => {}
        }
        if let Some((s, c)) = fsum.take() {
            acc = vm.ctx.new_float(s + c);
        }
        acc = vm.binary_op(&acc, &x, pyglass_bytecode::BinaryOp::Add)?;
    }
    if let Some((s, c)) = fsum {
        acc = vm.ctx.new_float(s + c);
    }
    Ok(acc)
}

fn sorted(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    if p.len() != 1 {
        return Err(vm.type_error(&format!("sorted expected 1 argument, got {}", p.len())));
    }
    // PySequence_List: a new empty list extended by the iterable (its allocation is what
    // sys.getsizeof reports).
    let l = vm.ctx.new_list(Vec::new());
    vm.list_extend(&l, &p[0])?;
    let mut items = crate::builtins::containers::list_of(&l).take_items();
    let b = args::bind(vm, "sorted", &Args::with_kw(&a.items[1..], a.kwnames), &["key", "reverse"], 0)?;
    let reverse = match b[1] {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    crate::builtins::containers::sort_items(vm, &mut items, b[0], reverse)?;
    *crate::builtins::containers::list_of(&l).items.borrow_mut() = items;
    Ok(l)
}

fn hash(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "hash", &a, 1, 1)?;
    Ok(vm.ctx.new_int(vm.hash(&p[0])? as i64))
}

fn iter(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "iter", &a, 1, 2)?;
    if p.len() == 2 {
        if !is_callable(&p[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::objects::iter::new_iter(vm, &vm.ctx.types.callable_iterator, crate::objects::misc::IterState::Callable { func: p[0].clone(), sentinel: p[1].clone() }));
    }
    vm.get_iter(&p[0])
}

fn next(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "next", &a, 1, 2)?;
    let it = &p[0];
    if !matches!(it.kind(), Kind::Iterator | Kind::Generator) && lookup_str(&it.class(), "__next__").is_none() {
        return Err(vm.type_error(&format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if it.is_kind(Kind::Generator) && crate::vm::abstract_::type_is_static(it) {
        return match crate::objects::generator::resume(vm, it, None, None)? {
            crate::objects::generator::SendResult::Yield(v) => Ok(v),
            crate::objects::generator::SendResult::Return(r) => match p.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::builtins::callables::stop_iteration(vm, r)),
            },
        };
    }
    match it.kind() {
        Kind::Iterator | Kind::Generator if crate::vm::abstract_::type_is_static(it) => match vm.next_fast(it)? {
            Some(v) => Ok(v),
            None => match p.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::vm::PyErr(vm.new_exception(&vm.ctx.exc.stop_iteration, vec![]))),
            },
        },
        _ => {
            let m = lookup_str(&it.class(), "__next__").expect("checked");
            match vm.call1(&m, it) {
                Ok(v) => Ok(v),
                Err(e) if p.len() == 2 && vm.is_instance_of(&e.0, &vm.ctx.exc.stop_iteration) => Ok(p[1].clone()),
                Err(e) => Err(e),
            }
        }
    }
}

fn attr_name(vm: &Vm, v: &PyRef) -> PyResult<PyRef> {
    if !v.is_kind(Kind::Str) {
        return Err(vm.type_error(&format!("attribute name must be string, not '{}'", vm.type_name(v))));
    }
    Ok(vm.ctx.intern_obj(v))
}

fn hasattr(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "hasattr", &a, 2, 2)?;
    let name = attr_name(vm, &p[1])?;
    match vm.getattr(&p[0], &name) {
        Ok(_) => Ok(vm.ctx.bool_obj(true)),
        Err(e) if vm.is_instance_of(&e.0, &vm.ctx.exc.attribute_error) => Ok(vm.ctx.bool_obj(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "getattr", &a, 2, 3)?;
    let name = attr_name(vm, &p[1])?;
    match vm.getattr(&p[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if p.len() == 3 && vm.is_instance_of(&e.0, &vm.ctx.exc.attribute_error) => Ok(p[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "setattr", &a, 3, 3)?;
    let name = attr_name(vm, &p[1])?;
    vm.setattr(&p[0], &name, Some(p[2].clone()))?;
    Ok(vm.ctx.none())
}

fn delattr(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "delattr", &a, 2, 2)?;
    let name = attr_name(vm, &p[1])?;
    vm.setattr(&p[0], &name, None)?;
    Ok(vm.ctx.none())
}

fn input(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "input", &a, 0, 1)?;
    if let Some(prompt) = p.first() {
        let s = vm.str_string(prompt)?;
        vm.ctx.stdout.borrow_mut().write(&s);
    }
    vm.ctx.stdout.borrow_mut().flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error(&vm.ctx.exc.eof_error, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.ctx.new_string(line))
        }
        Err(e) => Err(vm.new_error(&vm.ctx.exc.os_error, &e.to_string())),
    }
}

fn all(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "all", &a, 1, 1)?;
    let it = vm.get_iter(&p[0])?;
    while let Some(x) = vm.next_fast(&it)? {
        if !vm.is_true(&x)? {
            return Ok(vm.ctx.bool_obj(false));
        }
    }
    Ok(vm.ctx.bool_obj(true))
}

fn any(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "any", &a, 1, 1)?;
    let it = vm.get_iter(&p[0])?;
    while let Some(x) = vm.next_fast(&it)? {
        if vm.is_true(&x)? {
            return Ok(vm.ctx.bool_obj(true));
        }
    }
    Ok(vm.ctx.bool_obj(false))
}

fn chr(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "chr", &a, 1, 1)?;
    let i = vm.index(&p[0])?;
    let c = i.to_i64().filter(|c| (0..=0x10ffff).contains(c)).ok_or_else(|| vm.value_error("chr() arg not in range(0x110000)"))?;
    match char::from_u32(c as u32) {
        Some(ch) => {
            let mut b = [0u8; 4];
            Ok(vm.ctx.new_str(ch.encode_utf8(&mut b)))
        }
        None => Err(vm.value_error("pyglass: lone surrogates are not representable")),
    }
}

fn ord(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "ord", &a, 1, 1)?;
    if let Some(s) = as_str(&p[0]) {
        let mut cs = s.chars();
        return match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(vm.ctx.new_int(c as i64)),
            _ => Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", s.chars().count()))),
        };
    }
    if let Some(b) = crate::builtins::bytes::buffer_of(&p[0]) {
        if b.len() == 1 {
            return Ok(vm.ctx.new_int(b[0] as i64));
        }
        return Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", b.len())));
    }
    Err(vm.type_error(&format!("ord() expected string of length 1, but {} found", vm.type_name(&p[0]))))
}

/// `divmod(a, b)`.
pub fn divmod_values(vm: &Vm, x: &PyRef, y: &PyRef) -> PyResult {
    if x.is_kind(Kind::Float) || y.is_kind(Kind::Float) {
        let zero = match (y.downcast::<FloatData>(), y.downcast::<IntData>()) {
            (Some(f), _) => f.0 == 0.0,
            (_, Some(i)) => i.value().is_zero(),
            _ => false,
        };
        if zero {
            return Err(vm.new_error(&vm.ctx.exc.zero_division_error, "float divmod()"));
        }
    }
    let q = vm.binary_op(x, y, pyglass_bytecode::BinaryOp::FloorDivide)?;
    let r = vm.binary_op(x, y, pyglass_bytecode::BinaryOp::Remainder)?;
    Ok(vm.ctx.new_tuple(vec![q, r]))
}

fn divmod(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "divmod", &a, 2, 2)?;
    let (x, y) = (&p[0], &p[1]);
    let numeric = |v: &PyRef| matches!(v.kind(), Kind::Int | Kind::Float) && crate::vm::abstract_::type_is_static(v);
    if numeric(x) && numeric(y) {
        return divmod_values(vm, x, y);
    }
    if let Some(r) = vm.binary_dunder(x, y, "__divmod__", "__rdivmod__")? {
        return Ok(r);
    }
    Err(vm.type_error(&format!("unsupported operand type(s) for divmod(): '{}' and '{}'", vm.type_name(x), vm.type_name(y))))
}

fn pow(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "pow", &a, &["base", "exp", "mod"], 2)?;
    let (x, y) = (b[0].expect("required"), b[1].expect("required"));
    match b[2].filter(|m| !m.is(&vm.ctx.consts.none)) {
        None => vm.binary_op(x, y, pyglass_bytecode::BinaryOp::Power),
        Some(m) => {
            let (Some(xi), Some(yi), Some(mi)) = (x.downcast::<IntData>(), y.downcast::<IntData>(), m.downcast::<IntData>()) else {
                let is_float = |v: &PyRef| v.is_kind(Kind::Float);
                if is_float(x) || is_float(y) {
                    return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
                }
                // Three-argument power never uses __rpow__.
                if !crate::vm::abstract_::type_is_static(x) {
                    if let Some(f) = lookup_str(&x.class(), "__pow__") {
                        let r = vm.call(&f, &[x.clone(), y.clone(), m.clone()])?;
                        if !r.is(&vm.ctx.consts.not_implemented) {
                            return Ok(r);
                        }
                    }
                }
                return Err(vm.type_error(&format!("unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'", vm.type_name(x), vm.type_name(y), vm.type_name(m))));
            };
            if mi.value().is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            if yi.value().is_negative() {
                // Modular inverse.
                let (base, modulus) = (xi.value().to_big(), mi.value().to_big());
                let m_abs = num_traits::Signed::abs(&modulus);
                let inv = mod_inverse(&num_integer::Integer::mod_floor(&base, &m_abs), &m_abs).ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
                let e = yi.value().neg();
                let r = IntValue::from_big(inv).pow_mod(&e, mi.value());
                return Ok(vm.ctx.new_int_value(r));
            }
            Ok(vm.ctx.new_int_value(xi.value().pow_mod(yi.value(), mi.value())))
        }
    }
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_traits::{One, Zero};
    let (mut t, mut newt) = (num_bigint::BigInt::zero(), num_bigint::BigInt::one());
    let (mut r, mut newr) = (m.clone(), a.clone());
    while !newr.is_zero() {
        let q = &r / &newr;
        let tmp = &t - &q * &newt;
        t = std::mem::replace(&mut newt, tmp);
        let tmp = &r - &q * &newr;
        r = std::mem::replace(&mut newr, tmp);
    }
    if r > num_bigint::BigInt::one() {
        return None;
    }
    if t < num_bigint::BigInt::zero() {
        t += m;
    }
    Some(t)
}

fn round(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "round", &a, &["number", "ndigits"], 1)?;
    let x = b[0].expect("required");
    match lookup_str(&x.class(), "__round__") {
        Some(m) => {
            let mut args = vec![x.clone()];
            if let Some(n) = b[1] {
                args.push(n.clone());
            }
            vm.call(&m, &args)
        }
        None => Err(vm.type_error(&format!("type {} doesn't define __round__ method", vm.type_name(x)))),
    }
}

fn format(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "format", &a, 1, 2)?;
    let spec = match p.get(1) {
        Some(s) => as_str(s).ok_or_else(|| vm.type_error(&format!("format() argument 2 must be str, not {}", vm.type_name(s))))?.to_string(),
        None => String::new(),
    };
    vm.format(&p[0], &spec)
}

fn callable(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "callable", &a, 1, 1)?;
    Ok(vm.ctx.bool_obj(is_callable(&p[0])))
}

/// `callable(x)`.
pub fn is_callable(x: &PyRef) -> bool {
    matches!(x.kind(), Kind::Function | Kind::BuiltinFunction | Kind::BoundMethod | Kind::Type | Kind::MethodDescriptor) || lookup_str(&x.class(), "__call__").is_some()
}

fn vars(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "vars", &a, 0, 1)?;
    match p.first() {
        None => locals(vm, Args::new(&[])),
        Some(o) => match vm.getattr_opt(o, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn dir(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "dir", &a, 0, 1)?;
    match p.first() {
        None => {
            let g = globals(vm, Args::new(&[]))?;
            let mut names: Vec<String> = g.downcast::<DictData>().map(|d| d.keys().iter().filter_map(|k| as_str(k).map(|s| s.to_string())).collect()).unwrap_or_default();
            names.sort();
            Ok(vm.ctx.new_list(names.into_iter().map(|n| vm.ctx.new_string(n)).collect()))
        }
        Some(o) => {
            // `__dir__` is looked up on the type (a special method lookup).
            let t = o.class();
            let Some(m) = lookup_str(&t, "__dir__") else {
                return Err(vm.type_error("object does not provide __dir__"));
            };
            let r = vm.call1(&m, o)?;
            let mut items = crate::objects::list::item_vec_from(vm.iterate(&r)?);
            crate::builtins::containers::sort_items(vm, &mut items, None, false)?;
            Ok(vm.ctx.new_list_items(items))
        }
    }
}

fn globals(vm: &Vm, _a: Args<'_>) -> PyResult {
    vm.current_globals().ok_or_else(|| vm.new_error(&vm.ctx.exc.system_error, "globals(): no current frame"))
}

fn locals(vm: &Vm, a: Args<'_>) -> PyResult {
    // Calls from Python code never get here: the eval loop answers `locals()` from the
    // calling frame (`Vm::frame_introspection`). Called from native code (`map(locals,
    // ...)`), there is no Python frame to read, and the globals are the best answer.
    globals(vm, a)
}

fn radix(vm: &Vm, a: Args<'_>, name: &str, r: u32, prefix: &str) -> PyResult {
    let p = args::pos(vm, name, &a, 1, 1)?;
    let v = vm.index(&p[0])?;
    let neg = v.is_negative();
    let s = format!("{}{}{}", if neg { "-" } else { "" }, prefix, v.abs().to_string_radix(r));
    Ok(vm.ctx.new_string(s))
}
fn bin(vm: &Vm, a: Args<'_>) -> PyResult {
    radix(vm, a, "bin", 2, "0b")
}
fn oct(vm: &Vm, a: Args<'_>) -> PyResult {
    radix(vm, a, "oct", 8, "0o")
}
fn hex(vm: &Vm, a: Args<'_>) -> PyResult {
    radix(vm, a, "hex", 16, "0x")
}

fn import(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "__import__", &a, &["name", "globals", "locals", "fromlist", "level"], 1)?;
    let name = b[0].expect("required");
    let globals = b[1].cloned().unwrap_or_else(|| vm.ctx.new_dict());
    let fromlist = b[3].cloned().unwrap_or_else(|| vm.ctx.none());
    let level = b[4].cloned().unwrap_or_else(|| vm.ctx.new_int(0));
    vm.import_name(name, &fromlist, &level, &globals)
}

fn exit(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    Err(crate::vm::PyErr(vm.call(&vm.ctx.exc.system_exit, p)?))
}

impl Vm {
    /// The globals of the innermost running Python frame.
    pub fn current_globals(&self) -> Option<PyRef> {
        self.frames.with(|mut records| records.next().map(|f| f.globals().clone()))
    }
}

