# __call__, __enter__/__exit__.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, times=1):
        return (self.n + x) * times
add5 = Adder(5)
print(add5(1), add5(2, times=3), callable(add5), callable(Adder), callable(5), callable(print), callable(lambda: 0))
print(list(map(add5, [1, 2])))
try:
    add5()
except TypeError as e:
    print(type(e).__name__, e)
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
try:
    five = 5
    five()
except TypeError as e:
    print(type(e).__name__, e)
try:
    abc = "abc"
    abc(1)
except TypeError as e:
    print(type(e).__name__, e)

class CM:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as x:
    print("body", x)
with CM("b", suppress=True):
    raise ValueError("boom")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with CM("d") as d1, CM("e") as d2:
    print("two", d1, d2)
with (CM("f") as f1,
      CM("g") as f2):
    print("paren", f1, f2)

def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done")

class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("inner")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))

class EnterRaises:
    def __enter__(self): raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with EnterRaises():
        print("not here")
except OSError as e:
    print(type(e).__name__, e)

class NoExit:
    def __enter__(self): return 1
class NoEnter:
    def __exit__(self, *a): pass
for obj in (NoExit(), NoEnter(), 5):
    try:
        with obj:
            pass
    except TypeError as e:
        print(type(e).__name__, e)

class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with Truthy():
    1 / 0
print("suppressed by truthy")

# __exit__ receives the exception instance and traceback
class Inspect:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(et is ZeroDivisionError, isinstance(ev, ZeroDivisionError), type(tb).__name__)
        return True
with Inspect():
    1 // 0
# nested with: inner suppresses
with CM("outer"):
    with CM("inner", suppress=True):
        raise TypeError("x")
    print("between")
