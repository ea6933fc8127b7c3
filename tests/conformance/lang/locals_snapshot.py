# locals(), vars() and dir() with no argument: a fresh snapshot of a function's variables (PEP 667), the namespace in modules and class bodies.
def f(a, b=2, *args, **kw):
    c = a + b
    def inner():
        return c
    print(sorted(locals().items(), key=lambda kv: kv[0]) if False else sorted(locals()))
    d = locals()
    d["zz"] = 1
    print("zz" in locals(), locals()["a"], locals()["c"])
    print(vars() == locals(), dir())
    x = [locals() for _ in range(1)]
    return inner
f(1, 5, 6, k=7)
print(sorted(k for k in locals() if not k.startswith("__")))
class C:
    y = 1
    print(sorted(k for k in locals()))
def g():
    return locals()
print(g())
