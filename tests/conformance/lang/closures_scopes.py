# Closures, cells, global and nonlocal, comprehension scope, lambdas.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc()
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)

adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders], [f(10) for f in late])

g = 1
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
def define_global():
    global newglobal
    newglobal = "made"
define_global()
print(newglobal)

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())

def shadow():
    x = 1
    def f():
        x = 2
        return x
    return f(), x
print(shadow())

# comprehension has its own scope for the loop variable
x = "global x"
lst = [x for x in range(3)]
print(x, lst)
print([y for y in range(3) if y], {k: k * 2 for k in range(2)}, {v % 2 for v in range(5)})
print([(a, b) for a in range(3) for b in range(a)], [[c for c in range(r)] for r in range(3)])
def comp_closure():
    n = 10
    return [n + i for i in range(3)], [lambda: i for i in range(2)][0]()
print(comp_closure())
class K:
    val = 5
    items = [val for _ in range(2)] if False else None
    doubled = [v * 2 for v in range(val)]
print(K.doubled)
try:
    class K2:
        a = 1
        b = [a for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)

# unbound local and free variable errors
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def free_unbound():
    def inner():
        return z
    try:
        return inner()
    except NameError as e:
        return f"{type(e).__name__}: {e}"
    z = 1
print(free_unbound())
def del_local():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(del_local())

# lambdas
sq = lambda n: n * n
print(sq(4), (lambda *a, **k: (a, k))(1, b=2), (lambda: None)(), sq.__name__, (lambda a, /, b, *, c: a + b + c)(1, 2, c=3))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]), list(map(lambda s: s.upper(), "ab")))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(5))

# closure cells shared between functions and updated later
def cells():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    i = 100
    return [f() for f in fs]
print(cells())
def counter_gen():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
a = counter_gen()
print(a(5), a(10), a.__code__.co_name, a.__qualname__)
# global in nested function
def g1():
    def g2():
        global gx
        gx = "from g2"
    g2()
g1()
print(gx)
# walrus in comprehension binds in enclosing scope
[last := n for n in range(4)]
print(last)
def walrus_fn():
    [w := c for c in "xyz"]
    return w
print(walrus_fn())
