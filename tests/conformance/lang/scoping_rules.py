# Class-body scoping, nonlocal/global interplay, default argument binding time,
# names in comprehensions at class level, del of names.
x = "module"
class C:
    x = "class"
    def method(self):
        return x
    lam = lambda self: x
    items = [x for _ in range(2)]
    both = [(x, y) for y in range(2)]
print(C().method(), C().lam(), C.items, C.both)

def outer():
    x = "outer"
    class Inner:
        x = "inner class"
        def get(self):
            return x
        seen = x
    return Inner().get(), Inner.seen
print(outer())

def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    def reset():
        nonlocal count
        count = 0
    return inc, reset
inc, reset = counter()
inc(); inc(5)
print(inc(0))
reset()
print(inc())

funcs = []
for i in range(3):
    def f(i=i):
        return i
    funcs.append(f)
print([f() for f in funcs])

def default_time(val=[]):
    val.append(len(val))
    return val
print(default_time(), default_time(), default_time([9]))

g = 0
def modify():
    global g
    for _ in range(3):
        g += 1
    return g
print(modify(), g)

def shadow_builtin():
    len = lambda x: "shadowed"
    return len([1, 2])
print(shadow_builtin(), len([1, 2]))

def deleter():
    a = 1
    del a
    a = 2
    return a
print(deleter())

z = 10
def read_then_nothing():
    return z + 1
print(read_then_nothing())

def nonlocal_chain():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
            return a
        return inner()
    r = mid()
    return r, a
print(nonlocal_chain())

def comprehension_vars():
    total = 5
    res = [total + i for i in range(3)]
    gen = list(total * i for i in range(3))
    dct = {i: total for i in range(2)}
    return res, gen, dct
print(comprehension_vars())

def loop_var_leak():
    for k in range(3):
        pass
    return k
print(loop_var_leak())

class Meta:
    a = 1
    b = a + 1
    def f(self, c=a):
        return c
print(Meta.b, Meta().f())
y = 5
def uses_later_global():
    return y_later
y_later = "defined after"
print(uses_later_global())
