# eval, exec and compile: namespaces, modes, bytes sources, errors, tracebacks through exec code.
x = 10
print(eval("x + 1"), eval("  x * 2"), eval("y", {"y": 5}), eval("a+b", {"a": 1}, {"b": 2}))
g = {}
exec("z = 3\ndef f(): return z * 2", g)
print(g["z"], g["f"](), "__builtins__" in g)
exec("w = x + 100")
print(w)
c = compile("1 + 2", "<calc>", "eval")
print(type(c).__name__, eval(c))
c = compile("for i in range(2): print('loop', i)", "<loop>", "exec")
exec(c)
exec(compile("5 * 5", "<s>", "single"))
ns = {}
exec(b"q = 'bytes source'", ns)
print(ns["q"])
for bad in ["x = 1", "1 +", ""]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    compile("x", "f", "nope")
except ValueError as e:
    print("ValueError", e)
try:
    exec("1", [])
except TypeError as e:
    print("TypeError", e)
try:
    eval("1", [])
except TypeError as e:
    print("TypeError", e)
try:
    eval(5)
except TypeError as e:
    print("TypeError", e)
def inner():
    return eval("x * 3")
print(inner())
exec("def boom():\n    raise ValueError('from exec')", ns)
ns["boom"]()
