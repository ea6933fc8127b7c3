# vars, dir, callable and class decorators.
class A:
    x = 1
    def __init__(self):
        self.a = 1
        self.b = 2
print(vars(A()))
print(sorted(k for k in vars(A) if not k.startswith("__")), type(vars(A)).__name__)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(A(), 1)
except TypeError as e:
    print(type(e).__name__, e)
def f(): pass
f.attr = 3
print(vars(f))

class Slots:
    __slots__ = ("s",)
try:
    vars(Slots())
except TypeError as e:
    print(type(e).__name__, e)
print(dir(Slots()) == sorted(dir(Slots())), "s" in dir(Slots()))
print(dir(5) == dir(int), "real" in dir(5))

class B(A):
    y = 2
    def m(self): pass
print([n for n in dir(B) if not n.startswith("_")])
print([n for n in dir(B()) if not n.startswith("_")])
import sys
print("path" in dir(sys), "argv" in dir(sys))

# callable
class C:
    def __call__(self): pass
class NC: pass
print(callable(C()), callable(NC()), callable(C), callable(len), callable("x".upper), callable(None), callable([].append))
nc = NC()
nc.__call__ = lambda: 1
print(callable(nc))

# class decorators
def register(cls):
    cls.registered = True
    return cls
def add_method(name):
    def deco(cls):
        setattr(cls, name, lambda self: f"{name} of {type(self).__name__}")
        return cls
    return deco
@register
@add_method("hello")
class Dec:
    pass
print(Dec.registered, Dec().hello())
def replace(cls):
    return "replaced"
@replace
class Gone: pass
print(Gone)
order = []
def trace(label):
    def deco(cls):
        order.append(label)
        return cls
    return deco
@trace("outer")
@trace("inner")
class T: pass
print(order)
def singleton(cls):
    inst = cls()
    return lambda: inst
@singleton
class S: pass
print(S() is S())

# decorators with arguments on methods
def times(n):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
class M:
    @times(2)
    def hi(self, x):
        return x
print(M().hi("a"), M.hi.__name__)
