# Class attributes, instance attributes, shadowing and the special attributes of classes.
class Counter:
    """Counts things."""
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
    def add(self, x):
        self.items.append(x)

a = Counter(); b = Counter()
print(Counter.count, a.count, b.id)
a.count = 100
print(Counter.count, a.count, b.count)
del a.count
print(a.count)
a.add(1); b.add(2)
print(Counter.items, a.items is b.items)
print(Counter.__name__, Counter.__qualname__, Counter.__module__, Counter.__doc__)

class Outer:
    class Inner:
        def meth(self): pass
    def method(self):
        class Local: pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
print(Outer.Inner.meth.__qualname__, Outer.method.__qualname__)
print(Outer().method().__qualname__)
def func():
    class InFunc:
        pass
    return InFunc
print(func().__qualname__)

class NoDoc: pass
print(NoDoc.__doc__)
print(sorted(k for k in vars(Counter) if not k.startswith("__")))
print("__dict__" in vars(Counter), "__weakref__" in vars(Counter), "__module__" in vars(Counter))
print(type(Counter.__dict__).__name__)
print(a.__dict__, b.__dict__)
print(a.__class__ is Counter, type(a) is Counter, a.__class__.__name__)
print(Counter.add.__name__, Counter.add.__qualname__, a.add.__name__)
print(a.add.__self__ is a, a.add.__func__ is Counter.add)

# class body scope
x = "global"
class Scope:
    x = "class"
    y = x + "!"
    def get(self):
        return x
    z = [x for _ in range(1)]
print(Scope.y, Scope().get(), Scope.z)

# modifying class attributes
Counter.new_attr = 5
print(a.new_attr)
del Counter.new_attr
print(hasattr(a, "new_attr"))
try:
    del Counter.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Counter.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del a.nothing
except AttributeError as e:
    print(type(e).__name__, e)

# setting __name__ / __qualname__ / __doc__
class Ren: pass
Ren.__name__ = "Renamed"
Ren.__qualname__ = "Q.Renamed"
print(Ren.__name__, Ren.__qualname__, repr(Ren)[-12:])
try:
    Ren.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.foo = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).foo = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().foo = 1
except AttributeError as e:
    print(type(e).__name__, e)
