//! The import system: built-in modules written in Rust, and `.py` modules and packages
//! found on `sys.path` (compiled and run on first import, cached in `sys.modules`).

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::function::CodeData;
use crate::objects::misc::ModuleData;
use crate::objects::str::as_str;
use crate::objects::tuple::tuple_items;
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};
use pyglass_bytecode::{CodeObject, Constant};
use std::rc::Rc;

impl Vm {
    pub fn new_module(&self, name: &str) -> PyRef {
        let d = self.ctx.new_dict();
        let dd = d.downcast::<DictData>().expect("dict");
        dd.set_str_key(self.ctx.intern("__name__"), self.ctx.new_str(name));
        dd.set_str_key(self.ctx.intern("__doc__"), self.ctx.none());
        dd.set_str_key(self.ctx.intern("__package__"), self.ctx.none());
        dd.set_str_key(self.ctx.intern("__loader__"), self.ctx.none());
        dd.set_str_key(self.ctx.intern("__spec__"), self.ctx.none());
        self.ctx.alloc(&self.ctx.types.module, ModuleData { dict: d })
    }

    /// `sys.<name>`, if `sys` and the attribute are still there (shutdown empties them).
    pub fn sys_attr(&self, name: &str) -> Option<PyRef> {
        let sys = self.ctx.sys.borrow().clone()?;
        let d = self.module_dict(&sys);
        d.downcast::<DictData>()?.get_str(name)
    }

    pub fn module_dict(&self, m: &PyRef) -> PyRef {
        m.downcast::<ModuleData>().map(|m| m.dict.clone()).unwrap_or_else(|| self.ctx.new_dict())
    }

    fn sys_modules(&self) -> &DictData {
        self.ctx.modules.downcast::<DictData>().expect("dict")
    }

    /// Turn a compiled code object into the runtime's code object, recursively.
    pub fn make_code(&self, code: Rc<CodeObject>) -> PyRef {
        let mut consts = Vec::with_capacity(code.constants.len());
        for c in &code.constants {
            consts.push(self.make_const(c));
        }
        let names = code.names.iter().map(|n| self.ctx.intern(n)).collect();
        let varnames = code.localsplus_names.iter().map(|n| self.ctx.intern(n)).collect();
        let free_start = code.localsplus_kinds.iter().position(|k| k & pyglass_bytecode::slot_kind::FREE != 0).unwrap_or(code.localsplus_kinds.len());
        let has_cells = code.localsplus_kinds.iter().any(|k| k & (pyglass_bytecode::slot_kind::CELL | pyglass_bytecode::slot_kind::FREE) != 0);
        let class_cell_slot = code.localsplus_names.iter().position(|n| n == "__class__");
        let filename = self.ctx.new_str(&code.filename);
        let name = self.ctx.intern(&code.name);
        let qualname = self.ctx.new_str(&code.qualname);
        let global_cache = (0..code.names.len()).map(|_| std::cell::Cell::new(crate::objects::function::GlobalCache::EMPTY)).collect();
        let static_methods = (0..code.names.len()).map(|_| Default::default()).collect();
        let attr_cache = (0..code.names.len()).map(|_| std::array::from_fn(|_| std::cell::Cell::new(crate::objects::function::AttrCache::EMPTY))).collect();
        let argcount = code.argcount as usize;
        let exact_args = if !code.is_generator() && code.takes_exact_positional(argcount) { argcount } else { usize::MAX };
        let (nlocalsplus, stacksize) = (code.nlocalsplus(), code.stacksize as usize);
        let init_stores = pyglass_bytecode::frameless::attribute_init(&code);
        self.ctx.alloc(
            &self.ctx.types.code,
            CodeData { instrs: pyglass_bytecode::quicken::quicken(&code.instructions), code, consts, names, varnames, filename, name, qualname, free_start, has_cells, class_cell_slot, exact_args, nlocalsplus, stacksize, init_stores, init_store_slots: std::cell::Cell::new(crate::objects::function::InitStoresCache::EMPTY), global_cache, attr_cache, static_methods },
        )
    }

    fn make_const(&self, c: &Constant) -> PyRef {
        match c {
            Constant::None => self.ctx.none(),
            Constant::True => self.ctx.bool_obj(true),
            Constant::False => self.ctx.bool_obj(false),
            Constant::Ellipsis => self.ctx.consts.ellipsis.clone(),
            Constant::Int(i) => self.ctx.new_int(*i),
            Constant::BigInt(s) => {
                let v = crate::objects::int::parse_int(s, 10).unwrap_or(crate::objects::int::IntValue::Small(0));
                self.ctx.new_int_value(v)
            }
            Constant::Float(f) => self.ctx.new_float(*f),
            Constant::Complex(_, i) => self.ctx.new_float(*i),
            Constant::Str(s) => {
                // Identifier-like string constants are interned, as CPython does.
                if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.ctx.intern(s)
                } else {
                    self.ctx.new_str(s)
                }
            }
            Constant::Bytes(b) => crate::builtins::bytes::new_bytes(self, b.clone()),
            Constant::Tuple(items) => {
                let v: Vec<PyRef> = items.iter().map(|c| self.make_const(c)).collect();
                self.ctx.new_tuple(v)
            }
            Constant::FrozenSet(items) => {
                let s = self.new_set(true);
                if let Some(sd) = s.downcast::<crate::objects::set::SetData>() {
                    for c in items {
                        // Constants are hashable (the compiler only folds hashable values).
                        let _ = sd.add(self, self.make_const(c));
                    }
                }
                s
            }
            Constant::Code(code) => self.make_code(code.clone()),
        }
    }

    /// Run a module-level code object with `globals` as its namespace.
    pub fn exec_code(&self, code: PyRef, globals: &PyRef) -> PyResult {
        let gd = globals.downcast::<DictData>().expect("globals dict");
        if gd.get_str("__builtins__").is_none() {
            gd.set_str_key(self.ctx.intern("__builtins__"), self.builtins_module());
        }
        let mut frame = Frame::new(code, None, globals.clone(), self.ctx.builtins.clone(), None);
        match self.run_frame(&mut frame)? {
            crate::vm::frame::FrameExit::Return(v) => Ok(v),
            crate::vm::frame::FrameExit::Yield(v) => Ok(v),
        }
    }

    pub fn builtins_module(&self) -> PyRef {
        self.sys_modules().get_str("builtins").unwrap_or_else(|| self.ctx.builtins.clone())
    }

    /// IMPORT_NAME.
    pub fn import_name(&self, name: &PyRef, fromlist: &PyRef, level: &PyRef, globals: &PyRef) -> PyResult {
        let name_s = as_str(name).unwrap_or("").to_string();
        let level = level.downcast::<crate::objects::int::IntData>().and_then(|i| i.as_small()).unwrap_or(0);
        let full = if level > 0 { self.resolve_relative(&name_s, level as usize, globals)? } else { name_s.clone() };
        if full.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        // Import each package along the dotted path.
        let mut module = None;
        let mut prefix = String::new();
        for part in full.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let parent = module.clone();
            module = Some(self.import_one(&prefix, parent.as_ref())?);
        }
        let module = module.expect("at least one part");
        let has_fromlist = !fromlist.is(&self.ctx.consts.none) && !(fromlist.is_kind(Kind::Tuple) && tuple_items(fromlist).is_empty());
        if has_fromlist {
            return Ok(module);
        }
        if level > 0 && name_s.is_empty() {
            return Ok(module);
        }
        // `import a.b.c` binds `a`.
        let top = if level > 0 { full[..full.len() - name_s.len()].to_string() + name_s.split('.').next().unwrap_or("") } else { name_s.split('.').next().unwrap_or("").to_string() };
        Ok(self.sys_modules().get_str(&top).unwrap_or(module))
    }

    fn resolve_relative(&self, name: &str, level: usize, globals: &PyRef) -> PyResult<String> {
        let g = globals.downcast::<DictData>().expect("dict");
        let package = match g.get_str("__package__").filter(|p| !p.is(&self.ctx.consts.none)) {
            Some(p) => as_str(&p).unwrap_or("").to_string(),
            None => {
                let modname = g.get_str("__name__").and_then(|n| as_str(&n).map(|s| s.to_string())).unwrap_or_default();
                if g.get_str("__path__").is_some() {
                    modname
                } else {
                    modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            return Err(self.new_error(&self.ctx.exc.import_error, "attempted relative import with no known parent package"));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(self.new_error(&self.ctx.exc.import_error, "attempted relative import beyond top-level package"));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
    }

    fn import_one(&self, full: &str, parent: Option<&PyRef>) -> PyResult {
        if let Some(m) = self.sys_modules().get_str(full) {
            if m.is(&self.ctx.consts.none) {
                return Err(self.module_not_found(full));
            }
            return Ok(m);
        }
        if let Some(m) = crate::modules::builtin_module(self, full)? {
            self.sys_modules().set_str_key(self.ctx.new_str(full), m.clone());
            if let Some(p) = parent {
                let short = full.rsplit('.').next().unwrap_or(full);
                self.setattr(p, &self.ctx.intern(short), Some(m.clone()))?;
            }
            return Ok(m);
        }
        if let Some(b) = crate::modules::bundled(full) {
            return self.load_bundled(b, parent);
        }
        // Search the parent's __path__, or sys.path.
        let short = full.rsplit('.').next().unwrap_or(full);
        let dirs: Vec<String> = match parent {
            Some(p) => {
                let path = self.getattr_opt(p, "__path__")?;
                match path {
                    Some(pl) => self.iterate(&pl)?.iter().filter_map(|d| as_str(d).map(|s| s.to_string())).collect(),
                    None => return Err(self.module_not_found_in_package(full)),
                }
            }
            None => self.sys_path(),
        };
        for dir in dirs {
            let base = if dir.is_empty() { std::path::PathBuf::from(".") } else { std::path::PathBuf::from(&dir) };
            let pkg_init = base.join(short).join("__init__.py");
            let file = base.join(format!("{short}.py"));
            if pkg_init.is_file() {
                let pkg_dir = base.join(short);
                return self.load_source_module(full, &pkg_init, Some(&pkg_dir), parent);
            }
            if file.is_file() {
                return self.load_source_module(full, &file, None, parent);
            }
        }
        Err(self.module_not_found(full))
    }

    /// Import a module by its full name (what `import name` does, returning the module
    /// itself rather than the top-level package).
    pub fn import_module(&self, full: &str) -> PyResult {
        if let Some(m) = self.sys_modules().get_str(full) {
            if !m.is(&self.ctx.consts.none) {
                return Ok(m);
            }
        }
        let mut module: Option<PyRef> = None;
        let mut prefix = String::new();
        for part in full.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let parent = module.clone();
            module = Some(self.import_one(&prefix, parent.as_ref())?);
        }
        module.ok_or_else(|| self.value_error("Empty module name"))
    }

    /// Run a bundled module (Python source embedded in the binary) in a new module.
    fn load_bundled(&self, b: &crate::modules::Bundled, parent: Option<&PyRef>) -> PyResult {
        let full = b.name;
        let filename = format!("<frozen {full}>");
        let m = self.new_module(full);
        let d = self.module_dict(&m);
        let dd = d.downcast::<DictData>().expect("dict");
        if b.package {
            dd.set_str_key(self.ctx.intern("__path__"), self.ctx.new_list(vec![]));
            dd.set_str_key(self.ctx.intern("__package__"), self.ctx.new_str(full));
        } else {
            let pkg = full.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
            dd.set_str_key(self.ctx.intern("__package__"), self.ctx.new_str(pkg));
        }
        self.sys_modules().set_str_key(self.ctx.new_str(full), m.clone());
        let code = self.compile(b.source, &filename, pyglass_compiler::Mode::Exec);
        // CPython shows no source lines for frozen modules.
        self.ctx.sources.borrow_mut().remove(&filename);
        let r = code.and_then(|code| self.exec_code(code, &d));
        if let Err(e) = r {
            self.sys_modules().del_str_key(&self.ctx.new_str(full));
            return Err(e);
        }
        if let Some(p) = parent {
            let short = full.rsplit('.').next().unwrap_or(full);
            self.setattr(p, &self.ctx.intern(short), Some(m.clone()))?;
        }
        Ok(self.sys_modules().get_str(full).unwrap_or(m))
    }

    fn module_not_found(&self, full: &str) -> crate::vm::PyErr {
        let e = self.new_error(&self.ctx.exc.module_not_found_error, &format!("No module named '{full}'"));
        self.set_exc_attr(&e.0, "name", self.ctx.new_str(full));
        e
    }

    fn module_not_found_in_package(&self, full: &str) -> crate::vm::PyErr {
        let (pkg, _) = full.rsplit_once('.').unwrap_or((full, ""));
        let e = self.new_error(&self.ctx.exc.module_not_found_error, &format!("No module named '{full}'; '{pkg}' is not a package"));
        self.set_exc_attr(&e.0, "name", self.ctx.new_str(full));
        e
    }

    fn sys_path(&self) -> Vec<String> {
        let sys = self.ctx.sys.borrow().clone();
        let Some(sys) = sys else { return vec![] };
        let d = self.module_dict(&sys);
        let path = d.downcast::<DictData>().and_then(|d| d.get_str("path"));
        match path {
            Some(p) => self.iterate(&p).unwrap_or_default().iter().filter_map(|x| as_str(x).map(|s| s.to_string())).collect(),
            None => vec![],
        }
    }

    fn load_source_module(&self, full: &str, file: &std::path::Path, pkg_dir: Option<&std::path::Path>, parent: Option<&PyRef>) -> PyResult {
        let source = std::fs::read_to_string(file).map_err(|e| self.new_error(&self.ctx.exc.import_error, &format!("cannot read {}: {}", file.display(), e)))?;
        let filename = file.to_string_lossy().to_string();
        let m = self.new_module(full);
        let d = self.module_dict(&m);
        let dd = d.downcast::<DictData>().expect("dict");
        dd.set_str_key(self.ctx.intern("__file__"), self.ctx.new_str(&filename));
        match pkg_dir {
            Some(p) => {
                dd.set_str_key(self.ctx.intern("__path__"), self.ctx.new_list(vec![self.ctx.new_str(&p.to_string_lossy())]));
                dd.set_str_key(self.ctx.intern("__package__"), self.ctx.new_str(full));
            }
            None => {
                let pkg = full.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
                dd.set_str_key(self.ctx.intern("__package__"), self.ctx.new_str(pkg));
            }
        }
        self.sys_modules().set_str_key(self.ctx.new_str(full), m.clone());
        let code = match self.compile(&source, &filename, pyglass_compiler::Mode::Exec) {
            Ok(c) => c,
            Err(e) => {
                self.sys_modules().del_str_key(&self.ctx.new_str(full));
                return Err(e);
            }
        };
        if let Err(e) = self.exec_code(code, &d) {
            self.sys_modules().del_str_key(&self.ctx.new_str(full));
            return Err(e);
        }
        if let Some(p) = parent {
            let short = full.rsplit('.').next().unwrap_or(full);
            self.setattr(p, &self.ctx.intern(short), Some(m.clone()))?;
        }
        Ok(self.sys_modules().get_str(full).unwrap_or(m))
    }

    /// Compile source text to a runtime code object, remembering the source for
    /// tracebacks; syntax errors become Python SyntaxError exceptions.
    pub fn compile(&self, source: &str, filename: &str, mode: pyglass_compiler::Mode) -> PyResult {
        self.ctx.sources.borrow_mut().insert(filename.to_string(), Rc::from(source));
        self.compile_detached(source, filename, mode)
    }

    /// Compile without remembering the text for tracebacks (`compile()`, `eval()`,
    /// `exec()` of strings: CPython's linecache cannot show their lines either).
    pub fn compile_detached(&self, source: &str, filename: &str, mode: pyglass_compiler::Mode) -> PyResult {
        match pyglass_compiler::compile_source(source, filename, mode) {
            Ok(code) => {
                if self.ctx.config.xoptions.iter().any(|x| x == "dis") {
                    eprint!("{}", pyglass_bytecode::dis::disassemble(&code));
                }
                Ok(self.make_code(Rc::new(code)))
            }
            Err(e) => Err(self.syntax_error_from(&e)),
        }
    }

    pub fn syntax_error_from(&self, e: &pyglass_syntax::SyntaxError) -> crate::vm::PyErr {
        let cls = match e.kind {
            pyglass_syntax::SyntaxErrorKind::SyntaxError => self.ctx.exc.syntax_error.clone(),
            pyglass_syntax::SyntaxErrorKind::IndentationError => self.ctx.exc.indentation_error.clone(),
            pyglass_syntax::SyntaxErrorKind::TabError => self.ctx.exc.tab_error.clone(),
        };
        let text = match &e.text {
            Some(t) => self.ctx.new_str(t),
            None => self.ctx.none(),
        };
        let details = self.ctx.new_tuple(vec![
            self.ctx.new_str(&e.filename),
            self.ctx.new_int(e.lineno as i64),
            self.ctx.new_int(e.offset as i64),
            text,
            self.ctx.new_int(e.end_lineno as i64),
            self.ctx.new_int(e.end_offset as i64),
        ]);
        match self.call(&cls, &[self.ctx.new_str(&e.msg), details]) {
            Ok(exc) => crate::vm::PyErr(exc),
            Err(err) => err,
        }
    }

    /// IMPORT_FROM.
    pub fn import_from(&self, m: &PyRef, name: &PyRef) -> PyResult {
        match self.getattr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if self.is_instance_of(&e.0, &self.ctx.exc.attribute_error) => {
                let modname = self.getattr_opt(m, "__name__")?.and_then(|n| as_str(&n).map(|s| s.to_string())).unwrap_or_else(|| "<unknown module name>".into());
                let n = as_str(name).unwrap_or("");
                let sub = format!("{modname}.{n}");
                if let Some(v) = self.sys_modules().get_str(&sub) {
                    return Ok(v);
                }
                if self.getattr_opt(m, "__path__")?.is_some() {
                    if let Ok(v) = self.import_one(&sub, Some(m)) {
                        return Ok(v);
                    }
                }
                let file = self.getattr_opt(m, "__file__")?.and_then(|f| as_str(&f).map(|s| s.to_string()));
                let msg = match file {
                    Some(f) => format!("cannot import name '{n}' from '{modname}' ({f})"),
                    None => format!("cannot import name '{n}' from '{modname}' (unknown location)"),
                };
                let err = self.new_error(&self.ctx.exc.import_error, &msg);
                self.set_exc_attr(&err.0, "name", self.ctx.new_str(&modname));
                self.set_exc_attr(&err.0, "name_from", name.clone());
                Err(err)
            }
            Err(e) => Err(e),
        }
    }

    /// IMPORT_STAR.
    pub fn import_star(&self, m: &PyRef, target: &PyRef) -> PyResult<()> {
        let d = self.module_dict(m);
        let dd = d.downcast::<DictData>().expect("dict");
        let names: Vec<PyRef> = match dd.get_str("__all__") {
            Some(all) => self.iterate(&all)?,
            None => dd.keys().into_iter().filter(|k| as_str(k).is_some_and(|s| !s.starts_with('_'))).collect(),
        };
        for n in names {
            let v = self.getattr(m, &self.ctx.intern_obj(&n))?;
            self.mapping_set(target, n, v)?;
        }
        Ok(())
    }

    /// `sys.displayhook`: print repr of non-None values and store them in `builtins._`.
    pub fn display_hook(&self, v: &PyRef) -> PyResult<()> {
        if v.is(&self.ctx.consts.none) {
            return Ok(());
        }
        let b = self.ctx.builtins.downcast::<DictData>().expect("dict");
        b.set_str_key(self.ctx.intern("_"), self.ctx.none());
        let r = self.repr_string(v)?;
        {
            let mut o = self.ctx.stdout.borrow_mut();
            o.write(&r);
            o.write("\n");
            o.flush();
        }
        b.set_str_key(self.ctx.intern("_"), v.clone());
        Ok(())
    }
}
