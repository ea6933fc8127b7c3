//! Symbol classification compared with CPython 3.11's `symtable` (generated into
//! `tests/data/symtable.golden` by `tests/gen_golden.py`).

mod common;

use pyglass_compiler::symtable::{self, flags, ScopeKind, SymbolScope, SymbolTable};

fn dump(table: &SymbolTable) -> String {
    let mut out = Vec::new();
    fn walk(table: &SymbolTable, id: usize, out: &mut Vec<String>) {
        let scope = &table.scopes[id];
        let kind = match scope.kind {
            ScopeKind::Module => "module",
            ScopeKind::Class => "class",
            _ => "function",
        };
        out.push(format!("{kind} {}", scope.name));
        let mut syms: Vec<_> = scope.symbols.iter().collect();
        syms.sort_by(|a, b| a.name.cmp(&b.name));
        for s in syms {
            let sc = match s.scope {
                SymbolScope::Local => "LOCAL",
                SymbolScope::GlobalExplicit => "GLOBAL_EXPLICIT",
                SymbolScope::GlobalImplicit => "GLOBAL_IMPLICIT",
                SymbolScope::Free => "FREE",
                SymbolScope::Cell => "CELL",
            };
            let mut line = format!("  {} {sc}", s.name);
            if s.flags & flags::DEF_PARAM != 0 {
                line.push_str(" param");
            }
            if s.flags & flags::DEF_FREE_CLASS != 0 {
                line.push_str(" free_class");
            }
            out.push(line);
        }
        for &c in &scope.children {
            walk(table, c, out);
        }
    }
    walk(table, 0, &mut out);
    out.join("\n")
}

#[test]
fn symbol_tables_match_cpython() {
    let cases = common::read_golden("symtable.golden");
    assert!(cases.len() > 30);
    let mut failures = Vec::new();
    for case in &cases {
        let module = pyglass_syntax::parse_module(&case.source, "<case>").expect("parses");
        let table = symtable::build(&module).expect("symtable builds");
        let got = dump(&table);
        if got != case.expected {
            failures.push(format!("=== {}\n{}--- expected\n{}\n--- got\n{got}\n", case.name, case.source, case.expected));
        }
        // Everything in the symtable cases also compiles and verifies.
        common::compile_ok(&case.source);
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
