# The with statement in depth: __enter__ return values, __exit__ arguments, suppression,
# nested managers, exceptions raised inside __exit__, context managers as generators
# written by hand.
class Tracer:
    def __init__(self, name, suppress=False, enter_value=None):
        self.name, self.suppress, self.enter_value = name, suppress, enter_value
    def __enter__(self):
        print(f"enter {self.name}")
        return self.enter_value if self.enter_value is not None else self
    def __exit__(self, typ, val, tb):
        print(f"exit {self.name}: {typ.__name__ if typ else None} {val!r}")
        return self.suppress

with Tracer("a", enter_value=42) as v:
    print("value", v)

with Tracer("outer"), Tracer("inner", suppress=True):
    raise IndexError("swallowed by inner")
print("continued")

try:
    with Tracer("outer2"), Tracer("inner2"):
        raise KeyError("goes through both")
except KeyError as e:
    print("caught", repr(e))

with Tracer("suppress-all", suppress=True):
    with Tracer("nested"):
        raise ValueError("from body")
print("after nested suppression")

class ExitReturnsNone:
    def __enter__(self): return self
    def __exit__(self, *exc): return None
try:
    with ExitReturnsNone():
        raise OSError("not suppressed")
except OSError as e:
    print("propagated", e)

class ReplaceException:
    def __enter__(self): return self
    def __exit__(self, typ, val, tb):
        if typ is ZeroDivisionError:
            raise ArithmeticError("replaced") from val
try:
    with ReplaceException():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, "cause:", type(e.__cause__).__name__)

def in_function():
    with Tracer("fn") as t:
        return "returned"
print(in_function())

def in_loop():
    for i in range(3):
        with Tracer(f"loop{i}", suppress=True):
            if i == 1:
                continue
            if i == 2:
                raise RuntimeError("suppressed in loop")
        print("loop body end", i)
in_loop()

class Reusable:
    def __init__(self): self.depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
r = Reusable()
with r as d1:
    with r as d2:
        print("depths", d1, d2, r.depth)
print("final depth", r.depth)

class EnterFails:
    def __enter__(self): raise ValueError("enter failed")
    def __exit__(self, *a):
        print("never called")
try:
    with Tracer("first"), EnterFails():
        print("body")
except ValueError as e:
    print("caught", e)

target = {}
with Tracer("t", enter_value=(1, 2)) as (target["a"], target["b"]):
    pass
print(target)
