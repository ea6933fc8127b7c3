//! Code generation: AST plus symbol table to code objects.
//!
//! The generator keeps a stack of [`Unit`]s, one per code object being compiled (module,
//! then nested functions, classes, lambdas and comprehensions). Each unit owns an
//! [`InstrSeq`], its constant and name tables, its fast-slot layout and a stack of
//! [`FBlock`]s describing the enclosing loops, `try` blocks and `with` blocks — the
//! information needed to compile `break`, `continue` and `return`, which must run
//! `finally` bodies and `__exit__` calls on the way out (see [`flow`]).
//!
//! Split by topic:
//! * [`stmt`]: simple statements, assignment targets, imports;
//! * [`flow`]: `if`/`while`/`for`, conditional jumps, `try`, `with`, unwinding;
//! * [`expr`]: expressions and calls;
//! * [`func`]: functions, lambdas, classes and comprehensions.

mod expr;
mod flow;
mod func;
mod stmt;

use crate::error::{CResult, CompileError};
use crate::fold::FoldTable;
use crate::ir::{InstrSeq, Label};
use crate::symtable::{mangle, ScopeId, ScopeKind, SymbolScope, SymbolTable};
use crate::Mode;
use ahash::AHashMap;
use pyglass_bytecode::{code_flags, slot_kind, CodeObject, Constant, Location, Opcode, MAX_ARG};
use pyglass_syntax::ast::{self, Loc, Stmt};
use std::collections::BTreeSet;
use std::rc::Rc;

/// CPython's limit on statically nested blocks (`CO_MAXBLOCKS`).
pub const MAX_BLOCKS: usize = 21;

/// Convert an AST span to a code-object location.
pub(crate) fn location(l: Loc) -> Location {
    Location { line: l.line, col: l.col, end_line: l.end_line, end_col: l.end_col }
}

/// "No location": synthetic cleanup code (CPython's `NO_LOCATION`, shown as `--` by dis).
pub(crate) const NO_LOC: Location = Location { line: 0, col: 0, end_line: 0, end_col: 0 };

/// Hashable identity of a constant for deduplication (value *and* type; floats by bits).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    Big(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

fn const_key(c: &Constant) -> Option<ConstKey> {
    Some(match c {
        Constant::None => ConstKey::None,
        Constant::True => ConstKey::True,
        Constant::False => ConstKey::False,
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Int(i) => ConstKey::Int(*i),
        Constant::BigInt(s) => ConstKey::Big(s.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect::<Option<Vec<_>>>()?),
        Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(const_key).collect::<Option<Vec<_>>>()?),
        Constant::Code(_) => return None,
    })
}

/// What an enclosing block needs when control leaves it early.
#[derive(Clone, Debug)]
pub(crate) enum FBlockKind<'a> {
    /// `while` loop: `continue` jumps to `start`, `break` to `exit`.
    WhileLoop { start: Label, exit: Label },
    /// `for` loop: like `while`, and the iterator is on the stack.
    ForLoop { start: Label, exit: Label },
    /// Body of a `try` with `except` clauses.
    TryExcept,
    /// Body of a `try` with a `finally`: leaving runs the finally body.
    FinallyTry { body: &'a [Stmt] },
    /// The exceptional copy of a finally body: `[prev_exc, exc]` are on the stack.
    FinallyEnd,
    /// Body of a `with`: the bound `__exit__` is on the stack.
    With { loc: Location },
    /// Body of an `except` clause: `prev_exc` is on the stack, the name (if any) must be
    /// deleted on the way out.
    HandlerCleanup { name: Option<String> },
    /// Matching part of the `except` clauses (nothing to undo).
    ExceptionHandler,
    /// A value (the return value during a finally body) sits on the stack.
    PopValue,
}

#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// The handler stack depth to restore when control leaves this block early.
    pub handler_depth: usize,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub seq: InstrSeq,
    consts: Vec<Constant>,
    const_map: AHashMap<ConstKey, u32>,
    names: Vec<String>,
    name_map: AHashMap<String, u32>,
    pub slot_names: Vec<String>,
    pub slot_kinds: Vec<u8>,
    slots: AHashMap<String, u32>,
    /// Number of parameter slots (they keep their positions).
    nparams: usize,
    /// Plain local slots in order of first use; at the end they are renumbered in this
    /// order, as CPython numbers `co_varnames`.
    local_use_order: Vec<u32>,
    pub fblocks: Vec<FBlock<'a>>,
    /// Class name for private name mangling.
    pub private: Option<String>,
    /// Class bodies: attribute names stored through `self.` in their methods.
    pub static_attributes: Option<BTreeSet<String>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub docstring: Option<String>,
}

impl Unit<'_> {
    fn note_local_use(&mut self, slot: u32) {
        if slot as usize >= self.nparams && self.slot_kinds[slot as usize] == slot_kind::LOCAL && !self.local_use_order.contains(&slot) {
            self.local_use_order.push(slot);
        }
    }

    /// Put the plain locals in order of first use (parameters, cells and free variables
    /// keep their places) and rewrite the fast-slot operands accordingly.
    fn renumber_locals(&mut self) {
        let n = self.slot_names.len();
        let mut order: Vec<u32> = (0..self.nparams as u32).collect();
        order.extend(self.local_use_order.iter().copied());
        for i in self.nparams..n {
            if self.slot_kinds[i] == slot_kind::LOCAL && !self.local_use_order.contains(&(i as u32)) {
                order.push(i as u32);
            }
        }
        order.extend((self.nparams..n).filter(|&i| self.slot_kinds[i] != slot_kind::LOCAL).map(|i| i as u32));
        if order.iter().enumerate().all(|(i, &o)| i as u32 == o) {
            return;
        }
        let mut new_index = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_index[old as usize] = new as u32;
        }
        self.slot_names = order.iter().map(|&o| self.slot_names[o as usize].clone()).collect();
        self.slot_kinds = order.iter().map(|&o| self.slot_kinds[o as usize]).collect();
        for (name, slot) in self.slots.iter_mut() {
            let _ = name;
            *slot = new_index[*slot as usize];
        }
        self.seq.remap_local_operands(&new_index);
    }
}

/// The code generator.
pub(crate) struct Compiler<'a> {
    pub st: SymbolTable,
    pub fold: FoldTable,
    pub source: &'a str,
    pub filename: &'a str,
    pub mode: Mode,
    /// `from __future__ import annotations` is in effect.
    pub future_annotations: bool,
    pub units: Vec<Unit<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl From<ast::ExprContext> for Ctx {
    fn from(c: ast::ExprContext) -> Ctx {
        match c {
            ast::ExprContext::Load => Ctx::Load,
            ast::ExprContext::Store => Ctx::Store,
            ast::ExprContext::Del => Ctx::Del,
        }
    }
}

/// The docstring of a body: a leading string literal expression statement.
pub(crate) fn docstring_of(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(ast::StmtKind::Expr(ast::Expr { kind: ast::ExprKind::Constant(ast::Constant::Str(s)), .. })) => {
            Some(s)
        }
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn new(
        st: SymbolTable,
        fold: FoldTable,
        source: &'a str,
        filename: &'a str,
        mode: Mode,
        future_annotations: bool,
    ) -> Compiler<'a> {
        Compiler { st, fold, source, filename, mode, future_annotations, units: Vec::new() }
    }

    /// The source text of a span (for string annotations).
    pub fn source_text(&self, l: Loc) -> String {
        let lines: Vec<&str> = self.source.split('\n').collect();
        let get = |line: u32| lines.get((line as usize).wrapping_sub(1)).copied().unwrap_or("");
        let clip = |s: &str, from: usize, to: usize| -> String {
            let to = to.min(s.len());
            let from = from.min(to);
            s.get(from..to).unwrap_or("").to_string()
        };
        if l.line == l.end_line {
            return clip(get(l.line), l.col as usize, l.end_col as usize);
        }
        let mut out = clip(get(l.line), l.col as usize, usize::MAX);
        for line in l.line + 1..l.end_line {
            out.push(' ');
            out.push_str(get(line).trim());
        }
        out.push(' ');
        out.push_str(clip(get(l.end_line), 0, l.end_col as usize).trim_start());
        out.trim_end_matches('\r').to_string()
    }

    // ----- units --------------------------------------------------------------------

    pub fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always active")
    }

    pub fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always active")
    }

    pub fn seq(&mut self) -> &mut InstrSeq {
        &mut self.unit().seq
    }

    /// Start compiling a new code object for scope `scope`.
    pub fn enter_unit(&mut self, scope: ScopeId, name: &str, qualname: String, firstlineno: u32, loc: Location) {
        let sc = &self.st.scopes[scope];
        let kind = sc.kind;
        let mut slot_names = Vec::new();
        let mut slot_kinds = Vec::new();
        if kind.is_function_like() {
            for p in &sc.varnames {
                let cell = sc.scope_of(p) == SymbolScope::Cell;
                slot_names.push(p.clone());
                slot_kinds.push(slot_kind::LOCAL | if cell { slot_kind::CELL } else { 0 });
            }
            for sym in &sc.symbols {
                if sym.scope == SymbolScope::Local && !sc.varnames.contains(&sym.name) {
                    slot_names.push(sym.name.clone());
                    slot_kinds.push(slot_kind::LOCAL);
                }
            }
        }
        for c in sc.cellvars() {
            if !slot_names.contains(&c) {
                slot_names.push(c);
                slot_kinds.push(slot_kind::CELL);
            }
        }
        let nfree = sc.freevars().len();
        for f in sc.freevars() {
            slot_names.push(f);
            slot_kinds.push(slot_kind::FREE);
        }
        let slots = slot_names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let mut flags = 0;
        if kind.is_function_like() {
            flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if sc.has_varargs {
                flags |= code_flags::VARARGS;
            }
            if sc.has_varkeywords {
                flags |= code_flags::VARKEYWORDS;
            }
            if sc.nested {
                flags |= code_flags::NESTED;
            }
            if sc.is_generator {
                flags |= code_flags::GENERATOR;
            }
        }
        let private = sc.private.clone();
        let mut unit = Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            firstlineno,
            seq: InstrSeq::default(),
            consts: Vec::new(),
            const_map: AHashMap::new(),
            names: Vec::new(),
            name_map: AHashMap::new(),
            slot_names,
            slot_kinds,
            slots,
            nparams: if kind.is_function_like() { sc.varnames.len() } else { 0 },
            local_use_order: Vec::new(),
            fblocks: Vec::new(),
            private,
            static_attributes: if kind == ScopeKind::Class { Some(BTreeSet::new()) } else { None },
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            docstring: None,
        };
        // Prologue: copy the closure into the free slots, turn cell slots into cells.
        if nfree > 0 {
            unit.seq.emit(Opcode::COPY_FREE_VARS, nfree as u32, loc);
        }
        for i in 0..unit.slot_kinds.len() {
            if unit.slot_kinds[i] & slot_kind::CELL != 0 {
                unit.seq.emit(Opcode::MAKE_CELL, i as u32, loc);
            }
        }
        self.units.push(unit);
    }

    /// Finish the current unit and return its code object.
    pub fn exit_unit(&mut self) -> CResult<CodeObject> {
        let mut unit = self.units.pop().expect("a unit is always active");
        unit.renumber_locals();
        if unit.slot_names.len() > MAX_ARG as usize {
            return Err(CompileError::new("too many local variables", Loc::default()));
        }
        let asm = unit.seq.assemble()?;
        Ok(CodeObject {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.to_string(),
            firstlineno: unit.firstlineno,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: unit.flags,
            instructions: asm.instructions,
            locations: asm.locations,
            constants: unit.consts,
            names: unit.names,
            localsplus_names: unit.slot_names,
            localsplus_kinds: unit.slot_kinds,
            exception_table: asm.exception_table,
            stacksize: asm.stacksize,
            docstring: unit.docstring,
        })
    }

    /// The qualified name of a new scope named `name` defined in the current unit.
    pub fn qualname_for(&self, name: &str, kind: ScopeKind) -> String {
        if self.units.len() <= 1 {
            return name.to_string();
        }
        let parent = self.unit_ref();
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.st.scopes[parent.scope].scope_of(&mangled) == SymbolScope::GlobalExplicit {
                return name.to_string();
            }
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda => format!("{}.<locals>.{name}", parent.qualname),
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    // ----- tables -------------------------------------------------------------------

    /// Index of `c` in the constant table, adding it if new.
    pub fn add_const(&mut self, c: Constant) -> CResult<u32> {
        let unit = self.unit();
        // Identical code objects (a finally body compiled once per exit path) are shared.
        if let Constant::Code(code) = &c {
            if let Some(i) = unit.consts.iter().position(|k| matches!(k, Constant::Code(o) if **o == **code)) {
                return Ok(i as u32);
            }
        }
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = unit.const_map.get(k) {
                return Ok(i);
            }
        }
        let i = unit.consts.len() as u32;
        if i > MAX_ARG {
            return Err(CompileError::new("too many constants", Loc::default()));
        }
        unit.consts.push(c);
        if let Some(k) = key {
            unit.const_map.insert(k, i);
        }
        Ok(i)
    }

    /// Index of a name in `co_names` (mangled for the current class, as CPython does for
    /// every name operand).
    pub fn add_name(&mut self, name: &str) -> CResult<u32> {
        let unit = self.unit();
        let mangled = mangle(unit.private.as_deref(), name).into_owned();
        if let Some(&i) = unit.name_map.get(&mangled) {
            return Ok(i);
        }
        let i = unit.names.len() as u32;
        if i > MAX_ARG {
            return Err(CompileError::new("too many names", Loc::default()));
        }
        unit.names.push(mangled.clone());
        unit.name_map.insert(mangled, i);
        Ok(i)
    }

    /// A name operand without mangling.
    pub fn add_name_raw(&mut self, name: &str) -> CResult<u32> {
        let unit = self.unit();
        if let Some(&i) = unit.name_map.get(name) {
            return Ok(i);
        }
        let i = unit.names.len() as u32;
        unit.names.push(name.to_string());
        unit.name_map.insert(name.to_string(), i);
        Ok(i)
    }

    pub fn slot(&self, name: &str) -> Option<u32> {
        self.unit_ref().slots.get(name).copied()
    }

    // ----- emission -----------------------------------------------------------------

    pub fn emit(&mut self, op: Opcode, arg: u32, loc: Location) {
        self.seq().emit(op, arg, loc);
    }

    pub fn emit0(&mut self, op: Opcode, loc: Location) {
        self.seq().emit(op, 0, loc);
    }

    pub fn emit_const(&mut self, c: Constant, loc: Location) -> CResult<()> {
        let i = self.add_const(c)?;
        self.emit(Opcode::LOAD_CONST, i, loc);
        Ok(())
    }

    pub fn emit_name_op(&mut self, op: Opcode, name: &str, loc: Location) -> CResult<()> {
        let i = self.add_name(name)?;
        self.emit(op, i, loc);
        Ok(())
    }

    pub fn new_label(&mut self) -> Label {
        self.seq().new_label()
    }

    pub fn bind(&mut self, l: Label) {
        self.seq().bind(l);
    }

    pub fn jump(&mut self, target: Label, loc: Location) {
        self.seq().emit_jump(target, loc);
    }

    pub fn jump_op(&mut self, op: Opcode, target: Label, loc: Location) {
        self.seq().emit_jump_op(op, target, loc);
    }

    // ----- blocks -------------------------------------------------------------------

    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, handler_depth: usize, loc: Loc) -> CResult<()> {
        let unit = self.unit();
        if unit.fblocks.len() >= MAX_BLOCKS {
            return Err(CompileError::new("too many statically nested blocks", loc));
        }
        unit.fblocks.push(FBlock { kind, handler_depth });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    // ----- names --------------------------------------------------------------------

    /// Load, store or delete a variable, choosing the opcode family from its scope.
    pub fn compile_name(&mut self, name: &str, ctx: Ctx, loc: Location, span: Loc) -> CResult<()> {
        let (mangled, scope, kind) = {
            let unit = self.unit_ref();
            let mangled = mangle(unit.private.as_deref(), name).into_owned();
            let scope = self.st.scopes[unit.scope].scope_of(&mangled);
            (mangled, scope, unit.kind)
        };
        if mangled == "__debug__" && ctx != Ctx::Load {
            let what = if ctx == Ctx::Del { "delete" } else { "assign to" };
            return Err(CompileError::new(format!("cannot {what} __debug__"), span));
        }
        use Opcode::*;
        match scope {
            SymbolScope::Free | SymbolScope::Cell => {
                let Some(slot) = self.slot(&mangled) else {
                    return Err(CompileError::new(
                        format!("internal compiler error: no slot for '{mangled}'"),
                        span,
                    ));
                };
                match ctx {
                    Ctx::Load if kind == ScopeKind::Class => {
                        self.emit0(LOAD_LOCALS, loc);
                        self.emit(LOAD_FROM_DICT_OR_DEREF, slot, loc);
                    }
                    Ctx::Load => self.emit(LOAD_DEREF, slot, loc),
                    Ctx::Store => self.emit(STORE_DEREF, slot, loc),
                    Ctx::Del => self.emit(DELETE_DEREF, slot, loc),
                }
            }
            SymbolScope::Local if kind.is_function_like() => {
                let Some(slot) = self.slot(&mangled) else {
                    return Err(CompileError::new(
                        format!("internal compiler error: no slot for '{mangled}'"),
                        span,
                    ));
                };
                let op = match ctx {
                    Ctx::Load => LOAD_FAST,
                    Ctx::Store => STORE_FAST,
                    Ctx::Del => DELETE_FAST,
                };
                self.unit().note_local_use(slot);
                self.emit(op, slot, loc);
            }
            SymbolScope::GlobalExplicit | SymbolScope::GlobalImplicit
                if scope == SymbolScope::GlobalExplicit || kind.is_function_like() =>
            {
                let op = match ctx {
                    Ctx::Load => LOAD_GLOBAL,
                    Ctx::Store => STORE_GLOBAL,
                    Ctx::Del => DELETE_GLOBAL,
                };
                let i = self.add_name_raw(&mangled)?;
                self.emit(op, i, loc);
            }
            _ => {
                let op = match ctx {
                    Ctx::Load => LOAD_NAME,
                    Ctx::Store => STORE_NAME,
                    Ctx::Del => DELETE_NAME,
                };
                let i = self.add_name_raw(&mangled)?;
                self.emit(op, i, loc);
            }
        }
        Ok(())
    }

    // ----- module -------------------------------------------------------------------

    /// Compile the module body into the top-level code object.
    pub fn compile_module(&mut self, module: &'a ast::Module) -> CResult<CodeObject> {
        let first = Location { line: 1, col: 0, end_line: 1, end_col: 0 };
        self.enter_unit(0, "<module>", "<module>".into(), 1, first);
        let body = &module.body[..];
        if self.mode == Mode::Eval {
            // Exactly one expression; anything else is what CPython's `eval` grammar
            // rejects.
            return match body {
                [Stmt { kind: ast::StmtKind::Expr(e), .. }] => {
                    self.compile_expr(e)?;
                    self.emit0(Opcode::RETURN_VALUE, location(e.loc));
                    self.exit_unit()
                }
                [] => Err(CompileError::new("invalid syntax", ast::Loc { line: 1, col: 0, end_line: 1, end_col: 0 })),
                [s, ..] => Err(CompileError::new("invalid syntax", s.loc)),
            };
        }
        let mut rest = body;
        if self.mode == Mode::Exec {
            if let Some(doc) = docstring_of(body) {
                let doc = func::clean_doc(doc);
                let loc = location(body[0].loc);
                let i = self.add_const(Constant::Str(doc.clone()))?;
                self.unit().docstring = Some(doc);
                self.emit(Opcode::LOAD_CONST, i, loc);
                self.emit_name_op(Opcode::STORE_NAME, "__doc__", loc)?;
                rest = &body[1..];
            }
        }
        if find_annotations(body) {
            let loc = location(body[0].loc);
            self.emit0(Opcode::SETUP_ANNOTATIONS, loc);
        }
        self.compile_body(rest)?;
        let end = body.last().map(|s| location(s.loc)).unwrap_or(first);
        let end = Location { line: end.end_line, col: end.end_col, end_line: end.end_line, end_col: end.end_col };
        let none = self.add_const(Constant::None)?;
        self.emit(Opcode::RETURN_CONST, none, if body.is_empty() { first } else { end });
        self.exit_unit()
    }

    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    /// Wrap a finished code object as a constant and load it.
    pub fn load_code(&mut self, code: CodeObject, loc: Location) -> CResult<()> {
        let i = self.add_const(Constant::Code(Rc::new(code)))?;
        self.emit(Opcode::LOAD_CONST, i, loc);
        Ok(())
    }

    pub fn error<T>(&self, msg: impl Into<String>, loc: Loc) -> CResult<T> {
        Err(CompileError::new(msg, loc))
    }
}

/// Whether a body has annotated assignments outside nested functions and classes (then
/// the module or class body starts with `SETUP_ANNOTATIONS`).
pub(crate) fn find_annotations(body: &[Stmt]) -> bool {
    use ast::StmtKind::*;
    body.iter().any(|s| match &s.kind {
        AnnAssign { .. } => true,
        For { body, orelse, .. } | While { body, orelse, .. } | If { body, orelse, .. } => {
            find_annotations(body) || find_annotations(orelse)
        }
        With { body, .. } => find_annotations(body),
        Try { body, handlers, orelse, finalbody } => {
            find_annotations(body)
                || handlers.iter().any(|h| find_annotations(&h.body))
                || find_annotations(orelse)
                || find_annotations(finalbody)
        }
        _ => false,
    })
}
