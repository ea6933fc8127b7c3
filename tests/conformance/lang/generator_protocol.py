# Generators: send, throw, close, yield from with return values, gi_* state.
def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "finished"

g = counter(5)
print(next(g), next(g), g.send(3), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value)

g = counter(3)
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(g.send(None))

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
g = catcher()
print(next(g), g.throw(ValueError("bad")), next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "exhausted"))

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = closer()
print(next(g))
g.close()
g.close()
print(next(g, "closed"))

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
g = ignore_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def inner():
    x = yield "inner1"
    print("inner got", x)
    y = yield "inner2"
    print("inner got", y)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer received", r)
    yield "outer done"
g = outer()
print(next(g), g.send("a"), g.send("b"))

def delegating_throw():
    try:
        yield from catcher()
    except KeyError:
        yield "outer caught"
g = delegating_throw()
print(next(g), g.throw(ValueError("v")), next(g), g.throw(KeyError("k")))

def yf_iterable():
    yield from [1, 2]
    yield from "ab"
    yield from range(2)
    r = yield from ()
    print("empty yield from returns", r)
print(list(yf_iterable()))

def gen_return_value():
    return 42
    yield
try:
    next(gen_return_value())
except StopIteration as e:
    print("value", e.value, e.args)

def raises_stop():
    yield 1
    raise StopIteration("x")
try:
    list(raises_stop())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def running():
    yield g2.gi_running
g2 = running()
print(g2.gi_running, next(g2))
def state():
    yield
s = state()
print(s.gi_frame is not None, type(s).__name__, s.__name__, s.__qualname__)
next(s)
try:
    next(s)
except StopIteration:
    pass
print(s.gi_frame)

def self_ref():
    yield next(sr)
sr = self_ref()
try:
    next(sr)
except ValueError as e:
    print(type(e).__name__, e)

# generator expressions
ge = (x * x for x in range(4))
print(type(ge).__name__, next(ge), list(ge), list(ge))
print(sum(x for x in range(5)), max((len(w), w) for w in ["a", "bbb", "cc"]))

# throw with a class and with traceback-free instance
def simple():
    yield 1
g = simple()
try:
    g.throw(IndexError)
except IndexError as e:
    print("thrown into unstarted", repr(e))
print(next(g, "done"))

# close returns value in 3.13
def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "closing value"
g = returns_on_close()
next(g)
print(g.close())

# generator used in for with break: finally runs on close
def fin():
    try:
        for i in range(10):
            yield i
    finally:
        print("fin cleanup")
for v in fin():
    if v == 2:
        break
print("after break")
