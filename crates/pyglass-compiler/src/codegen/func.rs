//! Functions, lambdas, classes and comprehensions: everything that makes a nested code
//! object.
//!
//! # Making a function
//! `[defaults tuple] [kwdefaults dict] [annotations dict] [closure tuple] LOAD_CONST code;
//! MAKE_FUNCTION; SET_FUNCTION_ATTRIBUTE 8; ...4; ...2; ...1` (only the parts present;
//! each `SET_FUNCTION_ATTRIBUTE` consumes the value just below the function). The closure
//! tuple holds, for every free variable of the new code in its `localsplus` order, the
//! cell from the current frame (`LOAD_CLOSURE`).
//!
//! # Class definitions
//! `LOAD_BUILD_CLASS; PUSH_NULL; <function from the body code>; LOAD_CONST 'Name';
//! <bases>; CALL n` (or `CALL_KW` / `CALL_FUNCTION_EX`). The body code runs with the class
//! namespace as its locals: it stores `__module__` (from `__name__`), `__qualname__`,
//! `__firstlineno__`, `__doc__` (if any), runs the body, stores `__static_attributes__`
//! (names assigned as `self.x` in its methods, sorted), and then either returns `None` or,
//! when a method uses `super()`/`__class__`, ends with
//! `LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__; RETURN_VALUE` so that
//! `__build_class__` can fill the cell with the new class.
//!
//! # Comprehensions
//! Each comprehension is a function with one parameter `.0`, called at once:
//! `<make function>; PUSH_NULL; <outermost iterable>; GET_ITER; CALL 1`. The body loads
//! `.0` and iterates it with `FOR_ITER`; list/set/dict comprehensions build their result
//! with `BUILD_*` + `LIST_APPEND`/`SET_ADD`/`MAP_ADD` and return it, generator expressions
//! are generator functions that `YIELD_VALUE` each element.

use super::{docstring_of, find_annotations, location, Compiler, Ctx, NO_LOC};
use crate::error::{CResult, CompileError};
use crate::symtable::{all_args, mangle, CompKind, ScopeKind};
use pyglass_bytecode::{CodeObject, Constant, Location, Opcode};
use pyglass_syntax::ast::{self, Arguments, ClassDef, Comprehension, Expr, ExprKind, FunctionDef, Loc, Stmt};

/// CPython 3.13's docstring clean-up (`_PyCompile_CleanDoc`): expand tabs, strip the
/// first line's leading spaces and the common indentation of the following lines.
pub(crate) fn clean_doc(doc: &str) -> String {
    // expandtabs(8)
    let mut expanded = String::with_capacity(doc.len());
    let mut col = 0;
    for ch in doc.chars() {
        match ch {
            '\t' => {
                let n = 8 - col % 8;
                expanded.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                expanded.push(ch);
                col = 0;
            }
            _ => {
                expanded.push(ch);
                col += 1;
            }
        }
    }
    let lines: Vec<&str> = expanded.split('\n').collect();
    let margin = lines[1..]
        .iter()
        .filter_map(|l| {
            let indent = l.len() - l.trim_start_matches(' ').len();
            (indent < l.len()).then_some(indent)
        })
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(expanded.len());
    out.push_str(lines[0].trim_start_matches(' '));
    for l in &lines[1..] {
        out.push('\n');
        let strip = l.len().min(margin);
        let spaces = l.len() - l.trim_start_matches(' ').len();
        out.push_str(&l[strip.min(spaces)..]);
    }
    out
}

impl<'a> Compiler<'a> {
    /// Load each decorator followed by `PUSH_NULL` (they are applied bottom-up with
    /// `CALL 1` by [`Self::apply_decorators`]).
    fn compile_decorators(&mut self, decorators: &'a [Expr]) -> CResult<()> {
        for d in decorators {
            self.compile_expr(d)?;
            self.emit0(Opcode::PUSH_NULL, location(d.loc));
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.emit(Opcode::CALL, 1, location(d.loc));
        }
    }

    fn first_line(&self, s: &Stmt, decorators: &[Expr]) -> u32 {
        decorators.first().map_or(s.loc.line, |d| d.loc.line)
    }

    /// Defaults tuple and keyword-only defaults dict; returns the SET_FUNCTION_ATTRIBUTE
    /// flags they need.
    fn compile_defaults(&mut self, args: &'a Arguments, span: Loc) -> CResult<u32> {
        let loc = location(span);
        let mut flags = 0;
        if !args.defaults.is_empty() {
            self.compile_tuple_of(&args.defaults, span)?;
            flags |= 1;
        }
        let mut names = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                let mangled = mangle(self.unit_ref().private.as_deref(), &arg.name).into_owned();
                names.push(Constant::Str(mangled));
                self.compile_expr(d)?;
            }
        }
        if !names.is_empty() {
            let n = names.len() as u32;
            self.emit_const(Constant::Tuple(names), loc)?;
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n, loc);
            flags |= 2;
        }
        Ok(flags)
    }

    /// The annotations dict of a function; returns flag 4 when there is one.
    fn compile_function_annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>, loc: Location) -> CResult<u32> {
        let mut n = 0u32;
        let ordered = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(args.vararg.as_ref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_ref());
        for arg in ordered {
            if let Some(ann) = &arg.annotation {
                let mangled = mangle(self.unit_ref().private.as_deref(), &arg.name).into_owned();
                self.emit_const(Constant::Str(mangled), loc)?;
                self.compile_annotation(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.emit_const(Constant::Str("return".into()), loc)?;
            self.compile_annotation(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Opcode::BUILD_MAP, n, loc);
        Ok(4)
    }

    /// Check parameter names (`__debug__`) and record the argument counts of the unit.
    fn set_arg_counts(&mut self, args: &Arguments) -> CResult<()> {
        for a in all_args(args) {
            self.forbidden_name(&a.name, Ctx::Store, a.loc)?;
        }
        let unit = self.unit();
        unit.posonlyargcount = args.posonlyargs.len() as u32;
        unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.kwonlyargcount = args.kwonlyargs.len() as u32;
        Ok(())
    }

    /// Load `code` as a function (with closure and the attributes in `flags`).
    pub fn make_closure(&mut self, code: CodeObject, flags: u32, loc: Location) -> CResult<()> {
        let nfree = code.nfreevars();
        let mut flags = flags;
        if nfree > 0 {
            let free: Vec<String> = code.localsplus_names[code.localsplus_names.len() - nfree..].to_vec();
            for name in &free {
                let Some(slot) = self.slot(name) else {
                    return Err(CompileError::new(
                        format!("internal compiler error: no cell for free variable '{name}'"),
                        Loc::default(),
                    ));
                };
                self.emit(Opcode::LOAD_CLOSURE, slot, loc);
            }
            self.emit(Opcode::BUILD_TUPLE, nfree as u32, loc);
            flags |= 8;
        }
        self.load_code(code, loc)?;
        self.emit0(Opcode::MAKE_FUNCTION, loc);
        for flag in [8, 4, 2, 1] {
            if flags & flag != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, flag, loc);
            }
        }
        Ok(())
    }

    pub fn compile_function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> CResult<()> {
        if f.is_async {
            return self.error("async functions are not supported by pyglass", s.loc);
        }
        let loc = location(s.loc);
        self.forbidden_name(&f.name, Ctx::Store, s.loc)?;
        self.compile_decorators(&f.decorators)?;
        let firstlineno = self.first_line(s, &f.decorators);
        let mut flags = self.compile_defaults(&f.args, s.loc)?;
        flags |= self.compile_function_annotations(&f.args, f.returns.as_ref(), loc)?;

        let Some(scope) = self.st.function_scope(f) else {
            return self.error("internal compiler error: function without scope", s.loc);
        };
        let qualname = self.qualname_for(&f.name, ScopeKind::Function);
        self.enter_unit(scope, &f.name, qualname, firstlineno, loc);
        self.set_arg_counts(&f.args)?;
        // constants[0] is the docstring, or None.
        let doc = docstring_of(&f.body).map(clean_doc);
        self.add_const(doc.clone().map_or(Constant::None, Constant::Str))?;
        self.unit().docstring = doc.clone();
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.compile_body(body)?;
        self.emit_const_return(Constant::None, end_location(s.loc))?;
        let code = self.exit_unit()?;

        self.make_closure(code, flags, loc)?;
        self.apply_decorators(&f.decorators);
        self.compile_name(&f.name, Ctx::Store, loc, s.loc)
    }

    fn emit_const_return(&mut self, c: Constant, loc: Location) -> CResult<()> {
        let i = self.add_const(c)?;
        self.emit(Opcode::RETURN_CONST, i, loc);
        Ok(())
    }

    pub fn compile_lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult<()> {
        let loc = location(e.loc);
        let flags = self.compile_defaults(args, e.loc)?;
        let Some(scope) = self.st.expr_scope(e) else {
            return self.error("internal compiler error: lambda without scope", e.loc);
        };
        let qualname = self.qualname_for("<lambda>", ScopeKind::Lambda);
        self.enter_unit(scope, "<lambda>", qualname, e.loc.line, loc);
        self.set_arg_counts(args)?;
        // None first, so a lambda never has a docstring.
        self.add_const(Constant::None)?;
        self.compile_expr(body)?;
        let bloc = location(body.loc);
        if self.unit_ref().flags & pyglass_bytecode::code_flags::GENERATOR != 0 {
            self.emit0(Opcode::POP_TOP, bloc);
            self.emit_const_return(Constant::None, bloc)?;
        } else {
            self.emit0(Opcode::RETURN_VALUE, bloc);
        }
        let code = self.exit_unit()?;
        self.make_closure(code, flags, loc)
    }

    pub fn compile_class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult<()> {
        let loc = location(s.loc);
        self.forbidden_name(&c.name, Ctx::Store, s.loc)?;
        self.compile_decorators(&c.decorators)?;
        let firstlineno = self.first_line(s, &c.decorators);
        let Some(scope) = self.st.class_scope(c) else {
            return self.error("internal compiler error: class without scope", s.loc);
        };
        let qualname = self.qualname_for(&c.name, ScopeKind::Class);
        self.enter_unit(scope, &c.name, qualname.clone(), firstlineno, loc);
        let code = self.compile_class_body(s, c, qualname, firstlineno)?;

        self.emit0(Opcode::LOAD_BUILD_CLASS, loc);
        self.emit0(Opcode::PUSH_NULL, loc);
        self.make_closure(code, 0, loc)?;
        self.emit_const(Constant::Str(c.name.clone()), loc)?;
        self.validate_class_keywords(&c.keywords)?;
        self.compile_call_args(&c.bases, &c.keywords, 2, loc)?;
        self.apply_decorators(&c.decorators);
        self.compile_name(&c.name, Ctx::Store, loc, s.loc)
    }

    fn validate_class_keywords(&self, keywords: &[ast::Keyword]) -> CResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if let Some(dup) = keywords[i + 1..].iter().find(|o| o.arg.as_deref() == Some(name)) {
                    return self.error(format!("keyword argument repeated: {name}"), dup.loc);
                }
            }
        }
        Ok(())
    }

    fn compile_class_body(&mut self, s: &'a Stmt, c: &'a ClassDef, qualname: String, firstlineno: u32) -> CResult<CodeObject> {
        let loc = location(s.loc);
        let doc = docstring_of(&c.body).map(clean_doc);
        if let Some(d) = &doc {
            // The docstring is constants[0] (pyglass convention for all code objects).
            self.add_const(Constant::Str(d.clone()))?;
            self.unit().docstring = Some(d.clone());
        }
        self.compile_name("__name__", Ctx::Load, loc, s.loc)?;
        self.compile_name("__module__", Ctx::Store, loc, s.loc)?;
        self.emit_const(Constant::Str(qualname), loc)?;
        self.compile_name("__qualname__", Ctx::Store, loc, s.loc)?;
        self.emit_const(Constant::Int(firstlineno as i64), loc)?;
        self.compile_name("__firstlineno__", Ctx::Store, loc, s.loc)?;
        if find_annotations(&c.body) {
            self.emit0(Opcode::SETUP_ANNOTATIONS, loc);
        }
        let mut body = &c.body[..];
        if let Some(d) = doc {
            let dloc = location(c.body[0].loc);
            self.emit_const(Constant::Str(d), dloc)?;
            self.compile_name("__doc__", Ctx::Store, dloc, s.loc)?;
            body = &c.body[1..];
        }
        self.compile_body(body)?;
        let attrs: Vec<Constant> = self
            .unit_ref()
            .static_attributes
            .iter()
            .flatten()
            .map(|a| Constant::Str(a.clone()))
            .collect();
        self.emit_const(Constant::Tuple(attrs), NO_LOC)?;
        self.compile_name("__static_attributes__", Ctx::Store, NO_LOC, s.loc)?;
        if self.st.scopes[self.unit_ref().scope].needs_class_closure {
            let Some(slot) = self.slot("__class__") else {
                return self.error("internal compiler error: no __class__ cell", s.loc);
            };
            self.emit(Opcode::LOAD_CLOSURE, slot, NO_LOC);
            self.emit(Opcode::COPY, 1, NO_LOC);
            self.compile_name("__classcell__", Ctx::Store, NO_LOC, s.loc)?;
            self.emit0(Opcode::RETURN_VALUE, NO_LOC);
        } else {
            self.emit_const_return(Constant::None, NO_LOC)?;
        }
        self.exit_unit()
    }

    pub fn compile_comprehension(&mut self, e: &'a Expr) -> CResult<()> {
        let loc = location(e.loc);
        let (generators, elt, value, kind): (&'a [Comprehension], &'a Expr, Option<&'a Expr>, CompKind) = match &e.kind {
            ExprKind::ListComp { elt, generators } => (generators, elt, None, CompKind::List),
            ExprKind::SetComp { elt, generators } => (generators, elt, None, CompKind::Set),
            ExprKind::GeneratorExp { elt, generators } => (generators, elt, None, CompKind::Generator),
            ExprKind::DictComp { key, value, generators } => (generators, key, Some(&**value), CompKind::Dict),
            _ => return self.error("internal compiler error: not a comprehension", e.loc),
        };
        if generators.iter().any(|g| g.is_async) {
            return self.error("asynchronous comprehension outside of an asynchronous function", e.loc);
        }
        let Some(outermost) = generators.first() else {
            return self.error("comprehension without generators", e.loc);
        };
        let Some(scope) = self.st.expr_scope(e) else {
            return self.error("internal compiler error: comprehension without scope", e.loc);
        };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let qualname = self.qualname_for(name, ScopeKind::Comprehension(kind));
        self.enter_unit(scope, name, qualname, e.loc.line, loc);
        self.unit().argcount = 1;
        let build = match kind {
            CompKind::List => Some(Opcode::BUILD_LIST),
            CompKind::Set => Some(Opcode::BUILD_SET),
            CompKind::Dict => Some(Opcode::BUILD_MAP),
            CompKind::Generator => None,
        };
        if let Some(op) = build {
            self.emit(op, 0, loc);
        }
        self.compile_comprehension_generator(generators, 0, 0, elt, value, kind, loc)?;
        if build.is_some() {
            self.emit0(Opcode::RETURN_VALUE, loc);
        } else {
            self.emit_const_return(Constant::None, loc)?;
        }
        let code = self.exit_unit()?;

        self.make_closure(code, 0, loc)?;
        self.emit0(Opcode::PUSH_NULL, loc);
        self.compile_iterable(&outermost.iter)?;
        self.emit0(Opcode::GET_ITER, loc);
        self.emit(Opcode::CALL, 1, loc);
        Ok(())
    }

    /// One `for` clause of a comprehension (recursing into the following ones); `depth`
    /// counts the iterators on the stack above the result being built.
    #[allow(clippy::too_many_arguments)]
    fn compile_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
        loc: Location,
    ) -> CResult<()> {
        let gen = &generators[index];
        let mut depth = depth;
        let if_cleanup = self.new_label();
        let mut looping = None;
        if index == 0 {
            // The outermost iterator is the argument `.0`.
            let Some(slot) = self.slot(".0") else {
                return self.error("internal compiler error: no .0 argument", gen.iter.loc);
            };
            self.emit(Opcode::LOAD_FAST, slot, loc);
            looping = Some(());
        } else {
            // `for y in [expr]` just binds y = expr.
            let single = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. }
                    if elts.len() == 1 && !matches!(elts[0].kind, ExprKind::Starred { .. }) =>
                {
                    Some(&elts[0])
                }
                _ => None,
            };
            match single {
                Some(x) => self.compile_expr(x)?,
                None => {
                    self.compile_iterable(&gen.iter)?;
                    self.emit0(Opcode::GET_ITER, location(gen.iter.loc));
                    looping = Some(());
                }
            }
        }
        let start = self.new_label();
        let anchor = self.new_label();
        if looping.is_some() {
            depth += 1;
            self.bind(start);
            self.jump_op(Opcode::FOR_ITER, anchor, location(gen.iter.loc));
        }
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.compile_jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.compile_comprehension_generator(generators, index + 1, depth, elt, value, kind, loc)?;
        } else {
            let eloc = location(elt.loc);
            match kind {
                CompKind::Generator => {
                    self.compile_expr(elt)?;
                    self.emit0(Opcode::YIELD_VALUE, eloc);
                    self.emit0(Opcode::POP_TOP, eloc);
                }
                CompKind::List => {
                    self.compile_expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1, eloc);
                }
                CompKind::Set => {
                    self.compile_expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1, eloc);
                }
                CompKind::Dict => {
                    self.compile_expr(elt)?;
                    if let Some(v) = value {
                        self.compile_expr(v)?;
                    }
                    self.emit(Opcode::MAP_ADD, depth + 1, eloc);
                }
            }
        }
        self.bind(if_cleanup);
        if looping.is_some() {
            self.jump(start, loc);
            self.bind(anchor);
        }
        Ok(())
    }
}

/// A zero-width location at the end of a span (for implicit returns).
pub(crate) fn end_location(l: Loc) -> Location {
    Location { line: l.end_line, col: l.end_col, end_line: l.end_line, end_col: l.end_col }
}
