//! A tiny reference interpreter for a subset of the bytecode, used to check the
//! *behaviour* of compiled control flow (loops, `try`/`except`/`finally`, `with`, early
//! exits through all of them, closures, comprehensions) against CPython's output.
//!
//! It follows the opcode documentation of `pyglass_bytecode::opcode` and the exception
//! table semantics of `CodeObject::exception_table`; it is deliberately simple (no
//! classes, no keyword arguments, no generators).

#![allow(dead_code)]

use pyglass_bytecode::{CodeObject, Constant, Opcode};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum V {
    Null,
    None,
    Bool(bool),
    Int(i64),
    Str(Rc<str>),
    Tuple(Rc<Vec<V>>),
    List(Rc<RefCell<Vec<V>>>),
    Func(Rc<Func>),
    Builtin(&'static str),
    ExcType(Rc<str>),
    Exc(Rc<str>, Rc<str>),
    Cell(Rc<RefCell<Option<V>>>),
    Iter(Rc<RefCell<(Vec<V>, usize)>>),
    Code(Rc<CodeObject>),
    /// A context manager made by the builtin `cm(name, suppress)`.
    Cm(Rc<str>, bool),
    /// Its bound `__exit__`.
    Exit(Rc<str>, bool),
    /// A generator: its suspended frame (`None` once finished or while running).
    Gen(Rc<RefCell<Option<Frame>>>),
}

/// An activation of a code object.
#[derive(Debug)]
pub struct Frame {
    code: Rc<CodeObject>,
    fast: Vec<Option<V>>,
    stack: Vec<V>,
    pc: usize,
    names: HashMap<String, V>,
    closure: Vec<V>,
    module: bool,
    started: bool,
}

/// How a frame stopped running.
enum Outcome {
    Return(V),
    Yield(V),
    Raise(V),
}

/// Why an instruction left the dispatch loop.
enum Signal {
    Return,
    Yield(V),
    Raise(V),
}

impl From<V> for Signal {
    fn from(e: V) -> Signal {
        Signal::Raise(e)
    }
}

#[derive(Debug)]
pub struct Func {
    code: Rc<CodeObject>,
    defaults: Vec<V>,
    closure: Vec<V>,
}

fn s(x: &str) -> V {
    V::Str(x.into())
}

impl V {
    fn truthy(&self) -> bool {
        match self {
            V::None | V::Null => false,
            V::Bool(b) => *b,
            V::Int(i) => *i != 0,
            V::Str(s) => !s.is_empty(),
            V::Tuple(t) => !t.is_empty(),
            V::List(l) => !l.borrow().is_empty(),
            _ => true,
        }
    }

    pub fn repr(&self) -> String {
        match self {
            V::Str(x) => format!("'{x}'"),
            _ => self.str(),
        }
    }

    pub fn str(&self) -> String {
        match self {
            V::Null => "<NULL>".into(),
            V::None => "None".into(),
            V::Bool(b) => (if *b { "True" } else { "False" }).into(),
            V::Int(i) => i.to_string(),
            V::Str(x) => x.to_string(),
            V::Tuple(t) => {
                let parts: Vec<String> = t.iter().map(V::repr).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            V::List(l) => format!("[{}]", l.borrow().iter().map(V::repr).collect::<Vec<_>>().join(", ")),
            // str(KeyError(k)) is repr(k).
            V::Exc(t, msg) if &**t == "KeyError" => format!("'{msg}'"),
            V::Exc(_, msg) => msg.to_string(),
            V::ExcType(t) => format!("<class '{t}'>"),
            other => format!("<{other:?}>"),
        }
    }

    fn items(&self) -> Result<Vec<V>, V> {
        match self {
            V::Tuple(t) => Ok(t.to_vec()),
            V::List(l) => Ok(l.borrow().clone()),
            V::Str(x) => Ok(x.chars().map(|c| s(&c.to_string())).collect()),
            V::Iter(it) => {
                let (v, i) = &*it.borrow();
                Ok(v[*i..].to_vec())
            }
            _ => Err(exc("TypeError", "not iterable")),
        }
    }
}

fn exc(t: &str, msg: &str) -> V {
    V::Exc(t.into(), msg.into())
}

fn const_value(c: &Constant) -> V {
    match c {
        Constant::None => V::None,
        Constant::True => V::Bool(true),
        Constant::False => V::Bool(false),
        Constant::Int(i) => V::Int(*i),
        Constant::Str(x) => s(x),
        Constant::Tuple(t) => V::Tuple(Rc::new(t.iter().map(const_value).collect())),
        Constant::Code(c) => V::Code(c.clone()),
        other => panic!("minivm: unsupported constant {other:?}"),
    }
}

fn eq(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Int(x), V::Int(y)) => x == y,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Int(x), V::Bool(y)) | (V::Bool(y), V::Int(x)) => *x == *y as i64,
        (V::Str(x), V::Str(y)) => x == y,
        (V::None, V::None) => true,
        (V::Tuple(x), V::Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| eq(a, b)),
        _ => false,
    }
}

fn int(v: &V) -> Result<i64, V> {
    match v {
        V::Int(i) => Ok(*i),
        V::Bool(b) => Ok(*b as i64),
        _ => Err(exc("TypeError", "unsupported operand")),
    }
}

pub struct Vm {
    pub globals: HashMap<String, V>,
    pub output: Vec<String>,
    /// The handled exception (`sys.exception()`).
    exc_info: V,
}

impl Vm {
    pub fn new() -> Vm {
        let mut globals = HashMap::new();
        for b in ["print", "range", "len", "cm", "list", "tuple"] {
            globals.insert(b.to_string(), V::Builtin(b));
        }
        for t in ["ValueError", "KeyError", "TypeError", "Exception", "RuntimeError", "ZeroDivisionError"] {
            globals.insert(t.to_string(), V::ExcType(t.into()));
        }
        Vm { globals, output: Vec::new(), exc_info: V::None }
    }

    /// Run a module code object; an uncaught exception is reported in the output.
    pub fn run_module(&mut self, code: &CodeObject) {
        let mut frame = Frame::new(Rc::new(code.clone()), vec![], vec![], true);
        if let Outcome::Raise(e) = self.resume(&mut frame, None) {
            self.output.push(format!("uncaught {}: {}", exc_type(&e), e.str()));
        }
    }

    fn call(&mut self, f: V, args: Vec<V>) -> Result<V, V> {
        match f {
            V::Func(func) => {
                let code = &func.code;
                let mut args = args;
                let argc = code.argcount as usize;
                let varargs = code.flags & pyglass_bytecode::code_flags::VARARGS != 0;
                let extra = if varargs && args.len() > argc { args.split_off(argc) } else { vec![] };
                if args.len() > argc {
                    return Err(exc("TypeError", "too many arguments"));
                }
                if args.len() < argc {
                    let missing = argc - args.len();
                    if missing > func.defaults.len() {
                        return Err(exc("TypeError", "missing argument"));
                    }
                    let start = func.defaults.len() - missing;
                    args.extend(func.defaults[start..].iter().cloned());
                }
                if varargs {
                    args.push(V::Tuple(Rc::new(extra)));
                }
                let mut frame = Frame::new(code.clone(), args, func.closure.clone(), false);
                if code.is_generator() {
                    return Ok(V::Gen(Rc::new(RefCell::new(Some(frame)))));
                }
                match self.resume(&mut frame, None) {
                    Outcome::Return(v) => Ok(v),
                    Outcome::Raise(e) => Err(e),
                    Outcome::Yield(_) => panic!("minivm: yield in a non-generator"),
                }
            }
            V::Builtin(name) => self.builtin(name, args),
            V::ExcType(t) => Ok(V::Exc(t, args.first().map(|a| a.str()).unwrap_or_default().into())),
            V::Exit(name, suppress) => {
                let what = match args.get(1) {
                    Some(e @ V::Exc(t, _)) => format!("{t}({})", e.str()),
                    _ => "None".into(),
                };
                self.output.push(format!("exit {name} {what}"));
                Ok(V::Bool(suppress && matches!(args.get(1), Some(V::Exc(..)))))
            }
            other => Err(exc("TypeError", &format!("not callable: {other:?}"))),
        }
    }

    fn builtin(&mut self, name: &str, args: Vec<V>) -> Result<V, V> {
        match name {
            "print" => {
                self.output.push(args.iter().map(V::str).collect::<Vec<_>>().join(" "));
                Ok(V::None)
            }
            "range" => {
                let (a, b) = match args.len() {
                    1 => (0, int(&args[0])?),
                    _ => (int(&args[0])?, int(&args[1])?),
                };
                Ok(V::List(Rc::new(RefCell::new((a..b).map(V::Int).collect()))))
            }
            "len" => Ok(V::Int(args[0].items()?.len() as i64)),
            "list" => Ok(V::List(Rc::new(RefCell::new(self.collect(&args[0])?)))),
            "tuple" => Ok(V::Tuple(Rc::new(self.collect(&args[0])?))),
            "list.append" => {
                let V::List(l) = &args[0] else { unreachable!() };
                l.borrow_mut().push(args[1].clone());
                Ok(V::None)
            }
            "cm" => Ok(V::Cm(args[0].str().into(), args.get(1).is_some_and(V::truthy))),
            _ => unreachable!(),
        }
    }

    fn binop(&self, op: u32, a: &V, b: &V) -> Result<V, V> {
        let op = op % 13; // in-place forms behave like the plain ones here
        match (op, a, b) {
            (0, V::Str(x), V::Str(y)) => Ok(s(&format!("{x}{y}"))),
            (0, V::Tuple(x), V::Tuple(y)) => Ok(V::Tuple(Rc::new(x.iter().chain(y.iter()).cloned().collect()))),
            _ => {
                let (x, y) = (int(a)?, int(b)?);
                Ok(V::Int(match op {
                    0 => x + y,
                    10 => x - y,
                    5 => x * y,
                    2 | 6 if y == 0 => return Err(exc("ZeroDivisionError", "division by zero")),
                    2 => x.div_euclid(y),
                    6 => x.rem_euclid(y),
                    _ => return Err(exc("TypeError", "unsupported binary op")),
                }))
            }
        }
    }

    /// Send `value` into a generator: `Ok(Some(yielded))`, `Ok(None)` with the return
    /// value in `ret` when it finished, or the exception.
    fn gen_send(&mut self, g: &Rc<RefCell<Option<Frame>>>, value: Option<V>) -> Result<Result<V, V>, V> {
        let Some(mut frame) = g.borrow_mut().take() else {
            return Ok(Err(V::None)); // exhausted: returns None
        };
        match self.resume(&mut frame, value) {
            Outcome::Yield(v) => {
                *g.borrow_mut() = Some(frame);
                Ok(Ok(v))
            }
            Outcome::Return(r) => Ok(Err(r)),
            Outcome::Raise(e) => Err(e),
        }
    }

    /// All items of an iterable (draining generators).
    fn collect(&mut self, v: &V) -> Result<Vec<V>, V> {
        match v {
            V::Gen(g) => {
                let g = g.clone();
                let mut out = Vec::new();
                while let Ok(x) = self.gen_send(&g, None)? {
                    out.push(x);
                }
                Ok(out)
            }
            other => other.items(),
        }
    }

    fn resume(&mut self, frame: &mut Frame, sent: Option<V>) -> Outcome {
        if frame.started {
            frame.stack.push(sent.unwrap_or(V::None));
        }
        frame.started = true;
        let code = frame.code.clone();
        let n = code.localsplus_names.len();
        let Frame { fast, stack, pc, names, closure, module, .. } = frame;
        let module = *module;
        let mut steps = 0u64;
        loop {
            steps += 1;
            assert!(steps < 1_000_000, "minivm: runaway loop");
            let ins = code.instructions[*pc];
            let (op, arg) = (ins.op(), ins.arg());
            let here = *pc;
            *pc += 1;
            let result: Result<(), (Signal, usize)> = (|| -> Result<(), Signal> {
                use Opcode::*;
                let a = arg as usize;
                match op {
                    NOP => {}
                    POP_TOP => {
                        stack.pop();
                    }
                    PUSH_NULL => stack.push(V::Null),
                    COPY => stack.push(stack[stack.len() - a].clone()),
                    SWAP => {
                        let l = stack.len();
                        stack.swap(l - 1, l - a);
                    }
                    LOAD_CONST => stack.push(const_value(&code.constants[a])),
                    LOAD_FAST => stack.push(
                        fast[a].clone().ok_or_else(|| exc("UnboundLocalError", &code.localsplus_names[a]))?,
                    ),
                    STORE_FAST => fast[a] = stack.pop(),
                    DELETE_FAST => {
                        if fast[a].take().is_none() {
                            return Err(exc("UnboundLocalError", &code.localsplus_names[a]).into());
                        }
                    }
                    MAKE_CELL => fast[a] = Some(V::Cell(Rc::new(RefCell::new(fast[a].take())))),
                    COPY_FREE_VARS => {
                        for (i, c) in closure.iter().enumerate() {
                            fast[n - a + i] = Some(c.clone());
                        }
                    }
                    LOAD_DEREF | LOAD_CLOSURE => {
                        let Some(V::Cell(c)) = &fast[a] else { panic!("minivm: not a cell") };
                        if op == LOAD_CLOSURE {
                            stack.push(V::Cell(c.clone()));
                        } else {
                            stack.push(c.borrow().clone().ok_or_else(|| exc("NameError", "free variable"))?);
                        }
                    }
                    STORE_DEREF => {
                        let Some(V::Cell(c)) = &fast[a] else { panic!("minivm: not a cell") };
                        *c.borrow_mut() = stack.pop();
                    }
                    LOAD_GLOBAL | LOAD_NAME => {
                        let name = &code.names[a];
                        let v = if op == LOAD_NAME && !module { names.get(name).cloned() } else { None };
                        let v = v.or_else(|| self.globals.get(name).cloned());
                        stack.push(v.ok_or_else(|| exc("NameError", &format!("name '{name}' is not defined")))?);
                    }
                    STORE_GLOBAL => {
                        let v = stack.pop().expect("value");
                        self.globals.insert(code.names[a].clone(), v);
                    }
                    STORE_NAME => {
                        let v = stack.pop().expect("value");
                        if module {
                            self.globals.insert(code.names[a].clone(), v);
                        } else {
                            names.insert(code.names[a].clone(), v);
                        }
                    }
                    DELETE_NAME | DELETE_GLOBAL => {
                        if self.globals.remove(&code.names[a]).is_none() {
                            return Err(exc("NameError", &code.names[a]).into());
                        }
                    }
                    BINARY_OP => {
                        let b = stack.pop().expect("b");
                        let x = stack.pop().expect("a");
                        stack.push(self.binop(arg, &x, &b)?);
                    }
                    COMPARE_OP => {
                        let b = stack.pop().expect("b");
                        let x = stack.pop().expect("a");
                        let r = match arg {
                            2 => eq(&x, &b),
                            3 => !eq(&x, &b),
                            _ => {
                                let (p, q) = (int(&x)?, int(&b)?);
                                match arg {
                                    0 => p < q,
                                    1 => p <= q,
                                    4 => p > q,
                                    _ => p >= q,
                                }
                            }
                        };
                        stack.push(V::Bool(r));
                    }
                    IS_OP => {
                        let b = stack.pop().expect("b");
                        let x = stack.pop().expect("a");
                        let same = matches!((&x, &b), (V::None, V::None)) || matches!((&x, &b), (V::Bool(p), V::Bool(q)) if p == q);
                        stack.push(V::Bool(same != (arg == 1)));
                    }
                    CONTAINS_OP => {
                        let b = stack.pop().expect("b");
                        let x = stack.pop().expect("a");
                        let found = b.items()?.iter().any(|i| eq(i, &x));
                        stack.push(V::Bool(found != (arg == 1)));
                    }
                    UNARY_NOT => {
                        let v = stack.pop().expect("v");
                        stack.push(V::Bool(!v.truthy()));
                    }
                    UNARY_NEGATIVE => {
                        let v = stack.pop().expect("v");
                        stack.push(V::Int(-int(&v)?));
                    }
                    BUILD_TUPLE | BUILD_LIST => {
                        let items = stack.split_off(stack.len() - a);
                        stack.push(if op == BUILD_TUPLE {
                            V::Tuple(Rc::new(items))
                        } else {
                            V::List(Rc::new(RefCell::new(items)))
                        });
                    }
                    LIST_APPEND | LIST_EXTEND => {
                        let v = stack.pop().expect("v");
                        let l = stack.len();
                        let V::List(list) = &stack[l - a] else { panic!("minivm: not a list") };
                        if op == LIST_APPEND {
                            list.borrow_mut().push(v);
                        } else {
                            let items = v.items()?;
                            list.borrow_mut().extend(items);
                        }
                    }
                    LIST_TO_TUPLE => {
                        let v = stack.pop().expect("v");
                        stack.push(V::Tuple(Rc::new(v.items()?)));
                    }
                    BINARY_SUBSCR => {
                        let i = stack.pop().expect("i");
                        let c = stack.pop().expect("c");
                        let items = c.items()?;
                        let i = int(&i)?;
                        let j = if i < 0 { i + items.len() as i64 } else { i };
                        stack.push(items.get(j as usize).cloned().ok_or_else(|| exc("IndexError", "index out of range"))?);
                    }
                    JUMP_FORWARD | JUMP_BACKWARD => *pc = a,
                    POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                        let v = stack.pop().expect("v");
                        let jump = match op {
                            POP_JUMP_IF_FALSE => !v.truthy(),
                            POP_JUMP_IF_TRUE => v.truthy(),
                            POP_JUMP_IF_NONE => matches!(v, V::None),
                            _ => !matches!(v, V::None),
                        };
                        if jump {
                            *pc = a;
                        }
                    }
                    GET_ITER | GET_YIELD_FROM_ITER => {
                        let v = stack.pop().expect("v");
                        let it = match v {
                            V::Iter(_) | V::Gen(_) => v,
                            other => V::Iter(Rc::new(RefCell::new((other.items()?, 0)))),
                        };
                        stack.push(it);
                    }
                    FOR_ITER if matches!(stack.last(), Some(V::Gen(_))) => {
                        let Some(V::Gen(g)) = stack.last().cloned() else { unreachable!() };
                        match self.gen_send(&g, None)? {
                            Ok(v) => stack.push(v),
                            Err(_) => {
                                stack.pop();
                                *pc = a;
                            }
                        }
                    }
                    SEND => {
                        let v = stack.pop().expect("value");
                        let recv = stack.last().cloned().expect("receiver");
                        let step = match &recv {
                            V::Gen(g) => self.gen_send(g, Some(v))?,
                            V::Iter(it) => {
                                let mut st = it.borrow_mut();
                                let x = st.0.get(st.1).cloned();
                                st.1 += 1;
                                x.ok_or(V::None)
                            }
                            _ => return Err(exc("TypeError", "cannot send").into()),
                        };
                        match step {
                            Ok(y) => stack.push(y),
                            Err(r) => {
                                stack.pop();
                                stack.push(r);
                                *pc = a;
                            }
                        }
                    }
                    YIELD_VALUE => {
                        let v = stack.pop().expect("value");
                        return Err(Signal::Yield(v));
                    }
                    FOR_ITER => {
                        let Some(V::Iter(it)) = stack.last().cloned() else { panic!("minivm: FOR_ITER on non-iterator") };
                        let next = {
                            let mut st = it.borrow_mut();
                            let v = st.0.get(st.1).cloned();
                            st.1 += 1;
                            v
                        };
                        match next {
                            Some(v) => stack.push(v),
                            None => {
                                stack.pop();
                                *pc = a;
                            }
                        }
                    }
                    UNPACK_SEQUENCE => {
                        let v = stack.pop().expect("v");
                        let items = v.items()?;
                        if items.len() != a {
                            return Err(exc("ValueError", "wrong number of values to unpack").into());
                        }
                        stack.extend(items.into_iter().rev());
                    }
                    CALL => {
                        let mut args = stack.split_off(stack.len() - a);
                        let self_or_null = stack.pop().expect("self");
                        let callable = stack.pop().expect("callable");
                        if !matches!(self_or_null, V::Null) {
                            args.insert(0, self_or_null);
                        }
                        let r = self.call(callable, args)?;
                        stack.push(r);
                    }
                    CALL_FUNCTION_EX => {
                        assert_eq!(arg, 0, "minivm: no keyword arguments");
                        let args = stack.pop().expect("args").items()?;
                        let self_or_null = stack.pop().expect("self");
                        let callable = stack.pop().expect("callable");
                        assert!(matches!(self_or_null, V::Null));
                        let r = self.call(callable, args)?;
                        stack.push(r);
                    }
                    MAKE_FUNCTION => {
                        let V::Code(c) = stack.pop().expect("code") else { panic!("minivm: not code") };
                        stack.push(V::Func(Rc::new(Func { code: c, defaults: vec![], closure: vec![] })));
                    }
                    SET_FUNCTION_ATTRIBUTE => {
                        let V::Func(f) = stack.pop().expect("func") else { panic!("minivm: not a function") };
                        let value = stack.pop().expect("value");
                        let mut f = Func { code: f.code.clone(), defaults: f.defaults.clone(), closure: f.closure.clone() };
                        match arg {
                            1 => f.defaults = value.items()?,
                            8 => f.closure = value.items()?,
                            _ => panic!("minivm: unsupported function attribute {arg}"),
                        }
                        stack.push(V::Func(Rc::new(f)));
                    }
                    RAISE_VARARGS => {
                        let e = match arg {
                            0 => match &self.exc_info {
                                V::None => exc("RuntimeError", "No active exception to reraise"),
                                e => e.clone(),
                            },
                            _ => {
                                if arg == 2 {
                                    stack.pop();
                                }
                                match stack.pop().expect("exc") {
                                    V::ExcType(t) => V::Exc(t, "".into()),
                                    e @ V::Exc(..) => e,
                                    _ => exc("TypeError", "exceptions must derive from BaseException"),
                                }
                            }
                        };
                        return Err(e.into());
                    }
                    PUSH_EXC_INFO => {
                        let e = stack.pop().expect("exc");
                        let prev = std::mem::replace(&mut self.exc_info, e.clone());
                        stack.push(prev);
                        stack.push(e);
                    }
                    POP_EXCEPT => self.exc_info = stack.pop().expect("prev exc"),
                    LOAD_ASSERTION_ERROR => stack.push(V::ExcType("AssertionError".into())),
                    LOAD_METHOD => {
                        let obj = stack.pop().expect("obj");
                        match (&obj, code.names[a].as_str()) {
                            (V::List(_), "append") => {
                                stack.push(V::Builtin("list.append"));
                                stack.push(obj);
                            }
                            _ => return Err(exc("AttributeError", &code.names[a]).into()),
                        }
                    }
                    CHECK_EXC_MATCH => {
                        let t = stack.pop().expect("type");
                        let e = stack.last().expect("exc");
                        stack.push(V::Bool(exc_matches(e, &t)));
                    }
                    BEFORE_WITH => {
                        let V::Cm(name, suppress) = stack.pop().expect("mgr") else {
                            return Err(exc("TypeError", "not a context manager").into());
                        };
                        self.output.push(format!("enter {name}"));
                        stack.push(V::Exit(name.clone(), suppress));
                        stack.push(s(&name));
                    }
                    WITH_EXCEPT_START => {
                        let l = stack.len();
                        let e = stack[l - 1].clone();
                        let exit = stack[l - 4].clone();
                        let r = self.call(exit, vec![V::None, e, V::None])?;
                        stack.push(r);
                    }
                    RETURN_VALUE => return Err(Signal::Return),
                    RETURN_CONST => {
                        stack.push(const_value(&code.constants[a]));
                        return Err(Signal::Return);
                    }
                    RERAISE => {
                        let e = stack.pop().expect("exc");
                        if arg == 1 {
                            let lasti = stack.pop().expect("lasti");
                            return Err(V::Tuple(Rc::new(vec![e, lasti])).into());
                        }
                        return Err(e.into());
                    }
                    other => panic!("minivm: unsupported opcode {}", other.name()),
                }
                Ok(())
            })()
            .map_err(|e| (e, here));
            match result {
                Ok(()) => {}
                Err((Signal::Return, _)) => return Outcome::Return(stack.pop().expect("return value")),
                Err((Signal::Yield(v), _)) => return Outcome::Yield(v),
                Err((Signal::Raise(raised), at)) => {
                    // RERAISE 1 carries the lasti to report to the next handler.
                    let (e, lasti) = match raised {
                        V::Tuple(t) if t.len() == 2 => (t[0].clone(), int(&t[1]).unwrap_or(at as i64)),
                        e => (e, at as i64),
                    };
                    match code.handler_for(at as u32) {
                        None => return Outcome::Raise(e),
                        Some(h) => {
                            assert!(stack.len() >= h.depth as usize, "minivm: stack below handler depth");
                            stack.truncate(h.depth as usize);
                            if h.lasti {
                                stack.push(V::Int(lasti));
                            }
                            stack.push(e);
                            *pc = h.target as usize;
                        }
                    }
                }
            }
        }
    }
}

impl Frame {
    fn new(code: Rc<CodeObject>, args: Vec<V>, closure: Vec<V>, module: bool) -> Frame {
        let mut fast: Vec<Option<V>> = vec![None; code.localsplus_names.len()];
        for (i, a) in args.into_iter().enumerate() {
            fast[i] = Some(a);
        }
        Frame { code, fast, stack: Vec::new(), pc: 0, names: HashMap::new(), closure, module, started: false }
    }
}

fn exc_type(e: &V) -> String {
    match e {
        V::Exc(t, _) => t.to_string(),
        other => format!("{other:?}"),
    }
}

fn exc_matches(e: &V, t: &V) -> bool {
    match t {
        V::ExcType(name) => &**name == "Exception" || matches!(e, V::Exc(et, _) if et == name),
        V::Tuple(ts) => ts.iter().any(|t| exc_matches(e, t)),
        _ => false,
    }
}
