//! Symbol tables: which scope every name belongs to.
//!
//! Built in two passes, as CPython's `Python/symtable.c` does:
//!
//! 1. **Collection** ([`build`]): walk the AST, create a [`Scope`] for the module and for
//!    every function, lambda, class body and comprehension, and record for each name the
//!    ways it is used in that scope (`DEF_*` / `USE` flags). Errors that depend only on the
//!    order of statements (`global` after use, duplicate parameters, `import *` in a
//!    function, walrus restrictions in comprehensions, ...) are reported here.
//! 2. **Analysis** (`analyze_block`): walk the scope tree top-down passing the set of names
//!    bound in enclosing *function* scopes (`bound`) and the names known to be global, and
//!    bottom-up collecting the names that children use freely. Each name gets one
//!    [`SymbolScope`]: a local bound in an enclosing function and used in a nested one
//!    becomes a cell there and free in the nested scope (and in every scope in between,
//!    which passes it through).
//!
//! Class bodies are special: their bindings are not visible to nested scopes (methods
//! cannot see class attributes as plain names), but a name bound in an enclosing function
//! passes *through* a class to its methods. When a method uses a name that the class body
//! also binds, the class code object gets the name as a free variable as well
//! (`DEF_FREE_CLASS`) while its own accesses keep using the class namespace.
//!
//! A function inside a class that mentions `super` or `__class__` uses the implicit
//! `__class__` variable; the class scope then needs a `__class__` cell
//! ([`Scope::needs_class_closure`]).
//!
//! Comprehensions and generator expressions are separate function scopes (CPython 3.11
//! semantics, not PEP 709 inlining) with one implicit parameter `.0`; their outermost
//! iterable is evaluated in the enclosing scope. An assignment expression inside a
//! comprehension binds in the nearest enclosing non-comprehension scope: the comprehension
//! gets the name as `nonlocal` (or `global` at module level).

use crate::error::{CResult, CompileError};
use ahash::{AHashMap, AHashSet};
use pyglass_syntax::ast::*;

/// Flags recording how a name is used in one scope.
pub mod flags {
    /// `global` statement.
    pub const DEF_GLOBAL: u32 = 1;
    /// Assignment (or `del`, `for` target, `with ... as`, `except ... as`, def/class name).
    pub const DEF_LOCAL: u32 = 2;
    /// Parameter.
    pub const DEF_PARAM: u32 = 4;
    /// `nonlocal` statement.
    pub const DEF_NONLOCAL: u32 = 8;
    /// Read.
    pub const USE: u32 = 16;
    /// Free in a nested scope while also bound (or global) in this class body.
    pub const DEF_FREE_CLASS: u32 = 32;
    /// Bound by an import.
    pub const DEF_IMPORT: u32 = 64;
    /// Annotated (`x: int`).
    pub const DEF_ANNOT: u32 = 128;
    /// Iteration variable of a comprehension.
    pub const DEF_COMP_ITER: u32 = 256;
    /// Any kind of binding in this scope.
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flags::*;

/// Index of a scope in [`SymbolTable::scopes`]; the module is 0.
pub type ScopeId = usize;

/// What kind of code a comprehension scope produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    /// Functions, lambdas and comprehensions: scopes with fast locals.
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_))
    }
}

/// The resolved scope of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: SymbolScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// `top`, the function or class name, `lambda`, `listcomp`, `genexpr`, ...
    pub name: String,
    pub loc: Loc,
    /// Symbols in order of first mention.
    pub symbols: Vec<Symbol>,
    index: AHashMap<String, usize>,
    pub children: Vec<ScopeId>,
    /// Parameter names in order (positional-only, positional, keyword-only, `*args`,
    /// `**kwargs`); `.0` for comprehensions.
    pub varnames: Vec<String>,
    pub is_generator: bool,
    /// Nested inside a function-like scope (CPython's `CO_NESTED`).
    pub nested: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// A class body whose methods use `__class__` (or `super`): it needs a `__class__` cell.
    pub needs_class_closure: bool,
    /// The class name used for private name mangling inside this scope.
    pub private: Option<String>,
    /// Where each `global`/`nonlocal` declaration was made (for error locations).
    directives: AHashMap<String, Loc>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, loc: Loc, nested: bool, private: Option<String>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            loc,
            symbols: Vec::new(),
            index: AHashMap::new(),
            children: Vec::new(),
            varnames: Vec::new(),
            is_generator: false,
            nested,
            has_varargs: false,
            has_varkeywords: false,
            needs_class_closure: false,
            private,
            directives: AHashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    fn flags_of(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// The scope of a (mangled) name used in this scope. Names the table does not know
    /// (synthetic names such as `__module__`) count as implicit globals.
    pub fn scope_of(&self, name: &str) -> SymbolScope {
        self.lookup(name).map_or(SymbolScope::GlobalImplicit, |s| s.scope)
    }

    /// Cell variables (sorted by name, as CPython orders `co_cellvars`), including the
    /// implicit `__class__` cell of a class body.
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.symbols.iter().filter(|s| s.scope == SymbolScope::Cell).map(|s| s.name.clone()).collect();
        if self.needs_class_closure && !v.iter().any(|n| n == "__class__") {
            v.push("__class__".to_string());
        }
        v.sort();
        v
    }

    /// Free variables (sorted by name): names free here plus, in a class body, names that
    /// are free in a nested scope and also bound in the class.
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }

    fn add_flag(&mut self, name: &str, flag: u32) -> u32 {
        if let Some(&i) = self.index.get(name) {
            self.symbols[i].flags |= flag;
            self.symbols[i].flags
        } else {
            self.index.insert(name.to_string(), self.symbols.len());
            self.symbols.push(Symbol { name: name.to_string(), flags: flag, scope: SymbolScope::GlobalImplicit });
            flag
        }
    }
}

/// The symbol tables of a module: one [`Scope`] per scope-creating AST node.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    functions: AHashMap<usize, ScopeId>,
    classes: AHashMap<usize, ScopeId>,
    exprs: AHashMap<usize, ScopeId>,
}

fn addr<T>(r: &T) -> usize {
    r as *const T as usize
}

impl SymbolTable {
    pub fn module(&self) -> &Scope {
        &self.scopes[0]
    }
    /// The scope of a `def`.
    pub fn function_scope(&self, f: &FunctionDef) -> Option<ScopeId> {
        self.functions.get(&addr(f)).copied()
    }
    pub fn class_scope(&self, c: &ClassDef) -> Option<ScopeId> {
        self.classes.get(&addr(c)).copied()
    }
    /// The scope of a lambda or comprehension expression.
    pub fn expr_scope(&self, e: &Expr) -> Option<ScopeId> {
        self.exprs.get(&addr(e)).copied()
    }
}

/// CPython's private name mangling: inside class `_Foo`, `__x` becomes `_Foo__x` (names
/// ending in `__` and dotted names are left alone).
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(class) = private else { return Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// Build and analyze the symbol tables of `module`.
pub fn build(module: &Module) -> CResult<SymbolTable> {
    let top = Scope::new(ScopeKind::Module, "top", Loc::default(), false, None);
    let mut b = Builder {
        scopes: vec![top],
        stack: vec![0],
        functions: AHashMap::new(),
        classes: AHashMap::new(),
        exprs: AHashMap::new(),
    };
    for s in &module.body {
        b.visit_stmt(s)?;
    }
    let mut table =
        SymbolTable { scopes: b.scopes, functions: b.functions, classes: b.classes, exprs: b.exprs };
    let mut free = AHashSet::new();
    let mut global = AHashSet::new();
    analyze_block(&mut table.scopes, 0, None, &mut free, &mut global)?;
    Ok(table)
}

// ---------------------------------------------------------------------------------------
// Pass 1: collection
// ---------------------------------------------------------------------------------------

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<ScopeId>,
    functions: AHashMap<usize, ScopeId>,
    classes: AHashMap<usize, ScopeId>,
    exprs: AHashMap<usize, ScopeId>,
}

const GLOBAL_PARAM: &str = "is parameter and global";
const NONLOCAL_PARAM: &str = "is parameter and nonlocal";
const GLOBAL_AFTER_ASSIGN: &str = "is assigned to before global declaration";
const NONLOCAL_AFTER_ASSIGN: &str = "is assigned to before nonlocal declaration";
const GLOBAL_AFTER_USE: &str = "is used prior to global declaration";
const NONLOCAL_AFTER_USE: &str = "is used prior to nonlocal declaration";
const GLOBAL_ANNOT: &str = "is annotated and global";
const NONLOCAL_ANNOT: &str = "is annotated and nonlocal";

impl Builder {
    fn cur(&self) -> ScopeId {
        *self.stack.last().expect("scope stack is never empty")
    }
    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.scopes[id]
    }
    fn private(&self) -> Option<String> {
        self.scopes[self.cur()].private.clone()
    }
    fn mangled(&self, name: &str) -> String {
        mangle(self.scopes[self.cur()].private.as_deref(), name).into_owned()
    }

    /// Record `flag` for `name` in the current scope.
    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> CResult<()> {
        let id = self.cur();
        self.add_def_in(id, name, flag, loc)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, loc: Loc) -> CResult<()> {
        let mangled = mangle(self.scopes[id].private.as_deref(), name).into_owned();
        let scope = &mut self.scopes[id];
        let old = scope.flags_of(&mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(CompileError::new(
                format!("duplicate argument '{mangled}' in function definition"),
                loc,
            ));
        }
        let mut new = old | flag;
        if scope.comp_iter_target {
            if new & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(CompileError::new(
                    format!("comprehension inner loop cannot rebind assignment expression target '{mangled}'"),
                    loc,
                ));
            }
            new |= DEF_COMP_ITER;
        }
        scope.add_flag(&mangled, new);
        if flag & DEF_PARAM != 0 {
            scope.varnames.push(mangled.clone());
        }
        // A `global` declaration anywhere also makes the name an explicit global of the
        // module (so module-level code uses the *_GLOBAL opcodes for it too).
        if flag & DEF_GLOBAL != 0 && id != 0 {
            self.scopes[0].add_flag(&mangled, DEF_GLOBAL);
        }
        Ok(())
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, loc: Loc) -> ScopeId {
        let parent = self.cur();
        let nested = self.scopes[parent].nested || self.scopes[parent].kind.is_function_like();
        let private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.private(),
        };
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, loc, nested, private));
        self.scopes[parent].children.push(id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn visit_body(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> CResult<()> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.loc)?;
                self.visit_defaults(&f.args)?;
                for d in &f.decorators {
                    self.visit_expr(d)?;
                }
                self.visit_annotations(&f.args, f.returns.as_ref())?;
                let id = self.enter(ScopeKind::Function, &f.name, s.loc);
                self.functions.insert(addr(&**f), id);
                self.visit_params(&f.args)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                for b in &c.bases {
                    self.visit_expr(b)?;
                }
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                for d in &c.decorators {
                    self.visit_expr(d)?;
                }
                let id = self.enter(ScopeKind::Class, &c.name, s.loc);
                self.classes.insert(addr(&**c), id);
                self.visit_body(&c.body)?;
                self.exit();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.visit_expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.scopes[self.cur()].flags_of(&self.mangled(id));
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && *simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(CompileError::new(
                            format!("annotated name '{id}' can't be {what}"),
                            s.loc,
                        ));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_expr(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = cause {
                    self.visit_expr(c)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.visit_body(body)?;
                self.visit_body(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    self.visit_alias(alias)?;
                }
            }
            StmtKind::Global(names) => self.visit_declaration(names, true, s.loc)?,
            StmtKind::Nonlocal(names) => self.visit_declaration(names, false, s.loc)?,
            StmtKind::Expr(e) => self.visit_expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn visit_declaration(&mut self, names: &[Ident], global: bool, loc: Loc) -> CResult<()> {
        for name in names {
            let mangled = self.mangled(name);
            let cur = self.scopes[self.cur()].flags_of(&mangled);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let what = if cur & DEF_PARAM != 0 {
                    if global { GLOBAL_PARAM } else { NONLOCAL_PARAM }
                } else if cur & USE != 0 {
                    if global { GLOBAL_AFTER_USE } else { NONLOCAL_AFTER_USE }
                } else if cur & DEF_ANNOT != 0 {
                    if global { GLOBAL_ANNOT } else { NONLOCAL_ANNOT }
                } else if global {
                    GLOBAL_AFTER_ASSIGN
                } else {
                    NONLOCAL_AFTER_ASSIGN
                };
                return Err(CompileError::new(format!("name '{name}' {what}"), loc));
            }
            self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, loc)?;
            self.cur_scope().directives.entry(mangled).or_insert(loc);
        }
        Ok(())
    }

    fn visit_alias(&mut self, alias: &Alias) -> CResult<()> {
        if alias.name == "*" {
            if self.cur() != 0 {
                return Err(CompileError::new("import * only allowed at module level", alias.loc));
            }
            return Ok(());
        }
        let store = match &alias.asname {
            Some(a) => a.as_str(),
            None => alias.name.split('.').next().unwrap_or(&alias.name),
        };
        self.add_def(store, DEF_IMPORT, alias.loc)
    }

    fn visit_defaults(&mut self, args: &Arguments) -> CResult<()> {
        for d in &args.defaults {
            self.visit_expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> CResult<()> {
        for a in all_args(args) {
            if let Some(ann) = &a.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &Arguments) -> CResult<()> {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.add_def(&a.name, DEF_PARAM, a.loc)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.name, DEF_PARAM, a.loc)?;
            self.cur_scope().has_varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.name, DEF_PARAM, a.loc)?;
            self.cur_scope().has_varkeywords = true;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => self.visit_named_expr(e, target, value)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                let id = self.enter(ScopeKind::Lambda, "lambda", e.loc);
                self.exprs.insert(addr(e), id);
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                for v in values {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Set(elts) | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                for v in elts {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(e, CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(e, CompKind::Set, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(e, CompKind::Generator, generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.visit_comprehension(e, CompKind::Dict, generators, key, Some(value))?
            }
            ExprKind::Await(v) => self.visit_expr(v)?,
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
                self.mark_generator(e)?;
            }
            ExprKind::YieldFrom(v) => {
                self.visit_expr(v)?;
                self.mark_generator(e)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.visit_expr(left)?;
                for c in comparators {
                    self.visit_expr(c)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                for a in args {
                    self.visit_expr(a)?;
                }
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.visit_expr(value)?;
                if let Some(s) = format_spec {
                    self.visit_expr(s)?;
                }
            }
            ExprKind::JoinedStr(values) => {
                for v in values {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for v in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.loc)?;
                // `super()` needs the implicit `__class__` cell of the enclosing class.
                if *ctx == ExprContext::Load
                    && id == "super"
                    && self.scopes[self.cur()].kind.is_function_like()
                {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, e: &Expr) -> CResult<()> {
        let scope = self.cur_scope();
        scope.is_generator = true;
        if let ScopeKind::Comprehension(kind) = scope.kind {
            let what = match kind {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Generator => "generator expression",
            };
            return Err(CompileError::new(format!("'yield' inside {what}"), e.loc));
        }
        Ok(())
    }

    fn visit_named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> CResult<()> {
        if self.scopes[self.cur()].comp_iter_expr > 0 {
            return Err(CompileError::new(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.loc,
            ));
        }
        if matches!(self.scopes[self.cur()].kind, ScopeKind::Comprehension(_)) {
            if let ExprKind::Name { id, .. } = &target.kind {
                self.extend_named_expr_scope(id, target.loc)?;
            }
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function (as if the
    /// comprehension said `nonlocal name`) or module (`global name`).
    fn extend_named_expr_scope(&mut self, name: &str, loc: Loc) -> CResult<()> {
        let cur = self.cur();
        for &id in self.stack.iter().rev() {
            let scope = &self.scopes[id];
            let mangled = mangle(scope.private.as_deref(), name).into_owned();
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    let f = scope.flags_of(&mangled);
                    if f & DEF_COMP_ITER != 0 && f & DEF_LOCAL != 0 {
                        return Err(CompileError::new(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            loc,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let declared_global = scope.flags_of(&mangled) & DEF_GLOBAL != 0;
                    self.add_def_in(cur, name, if declared_global { DEF_GLOBAL } else { DEF_NONLOCAL }, loc)?;
                    self.scopes[cur].directives.entry(mangled).or_insert(loc);
                    return self.add_def_in(id, name, DEF_LOCAL, loc);
                }
                ScopeKind::Module => {
                    self.add_def_in(cur, name, DEF_GLOBAL, loc)?;
                    self.scopes[cur].directives.entry(mangled).or_insert(loc);
                    return self.add_def_in(id, name, DEF_GLOBAL, loc);
                }
                ScopeKind::Class => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        loc,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult<()> {
        let Some(outermost) = generators.first() else {
            return Err(CompileError::new("comprehension without generators", e.loc));
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.cur_scope().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_scope().comp_iter_expr -= 1;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Generator => "genexpr",
        };
        let id = self.enter(ScopeKind::Comprehension(kind), name, e.loc);
        self.exprs.insert(addr(e), id);
        if kind == CompKind::Generator {
            self.scopes[id].is_generator = true;
        }
        // The outermost iterator arrives as the implicit parameter `.0`.
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.scopes[id].comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.scopes[id].comp_iter_target = false;
        for cond in &outermost.ifs {
            self.visit_expr(cond)?;
        }
        for g in &generators[1..] {
            self.scopes[id].comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.scopes[id].comp_iter_target = false;
            self.scopes[id].comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.scopes[id].comp_iter_expr -= 1;
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.exit();
        Ok(())
    }
}

/// Every parameter of `args` in slot order.
pub fn all_args(args: &Arguments) -> impl Iterator<Item = &Arg> {
    args.posonlyargs
        .iter()
        .chain(&args.args)
        .chain(args.vararg.as_ref())
        .chain(&args.kwonlyargs)
        .chain(args.kwarg.as_ref())
}

// ---------------------------------------------------------------------------------------
// Pass 2: analysis
// ---------------------------------------------------------------------------------------

type NameSet = AHashSet<String>;

fn directive_error(scope: &Scope, name: &str, msg: String) -> CompileError {
    let loc = scope.directives.get(name).copied().unwrap_or(scope.loc);
    CompileError::new(msg, loc)
}

/// Decide the scope of one name of `scope` (CPython's `analyze_name`).
#[allow(clippy::too_many_arguments)]
fn analyze_name(
    scope: &Scope,
    scopes: &mut AHashMap<String, SymbolScope>,
    name: &str,
    flags: u32,
    bound: Option<&mut NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
) -> CResult<()> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(directive_error(scope, name, format!("name '{name}' is nonlocal and global")));
        }
        scopes.insert(name.to_string(), SymbolScope::GlobalExplicit);
        global.insert(name.to_string());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(directive_error(scope, name, "nonlocal declaration not allowed at module level".into()));
        };
        if !b.contains(name) {
            return Err(directive_error(scope, name, format!("no binding for nonlocal '{name}' found")));
        }
        scopes.insert(name.to_string(), SymbolScope::Free);
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_string(), SymbolScope::Local);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    if bound.as_ref().is_some_and(|b| b.contains(name)) {
        scopes.insert(name.to_string(), SymbolScope::Free);
        free.insert(name.to_string());
        return Ok(());
    }
    scopes.insert(name.to_string(), SymbolScope::GlobalImplicit);
    Ok(())
}

/// Analyze scope `id` given the names bound in enclosing functions (`bound`, `None` for
/// the module) and known globals; adds the scope's free names to `free`.
fn analyze_block(
    all: &mut [Scope],
    id: ScopeId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> CResult<()> {
    let mut local = NameSet::new();
    let mut scopes: AHashMap<String, SymbolScope> = AHashMap::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();
    let kind = all[id].kind;

    // Class bindings are invisible to nested scopes: pass the outer sets down unchanged.
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }

    {
        let scope = &all[id];
        for sym in &scope.symbols {
            analyze_name(
                scope,
                &mut scopes,
                &sym.name,
                sym.flags,
                bound.as_deref_mut(),
                &mut local,
                free,
                global,
            )?;
        }
    }

    if kind != ScopeKind::Class {
        if kind.is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let children = all[id].children.clone();
    for child in children {
        let mut child_bound = newbound.clone();
        let mut child_global = newglobal.clone();
        analyze_block(all, child, Some(&mut child_bound), &mut newfree, &mut child_global)?;
    }

    if kind.is_function_like() {
        // Locals used freely by nested scopes become cells.
        for (name, sc) in scopes.iter_mut() {
            if *sc == SymbolScope::Local && newfree.remove(name.as_str()) {
                *sc = SymbolScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        all[id].needs_class_closure = true;
    }

    // Record the results.
    let scope = &mut all[id];
    for sym in scope.symbols.iter_mut() {
        if let Some(sc) = scopes.get(&sym.name) {
            sym.scope = *sc;
        }
    }
    let mut names: Vec<&String> = newfree.iter().collect();
    names.sort();
    for name in names {
        if let Some(&i) = scope.index.get(name.as_str()) {
            // Free in a child and bound (or global) here: a class passes it through.
            if kind == ScopeKind::Class && scope.symbols[i].flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                scope.symbols[i].flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.as_deref().is_some_and(|b| !b.contains(name.as_str())) {
            continue; // a global
        }
        scope.index.insert(name.clone(), scope.symbols.len());
        scope.symbols.push(Symbol { name: name.clone(), flags: 0, scope: SymbolScope::Free });
    }
    free.extend(newfree);
    Ok(())
}
