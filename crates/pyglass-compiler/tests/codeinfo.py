#!/usr/bin/env python3
"""Summarize the code objects CPython makes from a file, one line each (qualname,
argument counts, flags, varnames, cellvars, freevars, first line), sorted.

Cross-check of pyglass's scoping and slot layout against CPython 3.11 (whose
comprehensions are functions, like pyglass's), e.g. over the standard library:

    python3.11 tests/codeinfo.py FILE > a.txt
    cargo run -q --release -p pyglass-compiler --example codeinfo -- FILE > b.txt
    diff a.txt b.txt

Known differences: CPython drops code objects that are only in unreachable code.
"""
import sys, types
def walk(co, out):
    flags = co.co_flags & (0x20 | 0x4 | 0x8 | 0x10)
    out.append("%s|%d|%d|%d|%x|%s|%s|%s|%d" % (co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, flags,
        ",".join(co.co_varnames), ",".join(sorted(co.co_cellvars)), ",".join(co.co_freevars), co.co_firstlineno))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)
src = open(sys.argv[1], encoding="utf-8").read()
try:
    co = compile(src, sys.argv[1], "exec")
except SyntaxError:
    sys.exit(3)
out = []
walk(co, out)
print("\n".join(sorted(out)))
