# Special attributes of functions, methods, classes and modules: __name__, __qualname__,
# __module__, __doc__, __defaults__, __kwdefaults__, __code__, __dict__, __annotations__.
def outer(a, b=2, *args, c, d=4, **kw) -> str:
    "Outer docstring."
    def inner():
        """Inner doc."""
    return inner
inner = outer(1, c=3)
print(outer.__name__, outer.__qualname__, outer.__module__, outer.__doc__)
print(inner.__name__, inner.__qualname__, inner.__doc__)
print(outer.__defaults__, outer.__kwdefaults__, outer.__annotations__)
print(outer.__code__.co_name, outer.__code__.co_argcount, outer.__code__.co_kwonlyargcount, outer.__code__.co_varnames[:6])
outer.custom = "attr"
print(outer.__dict__, outer.custom, hasattr(outer, "missing"))
outer.__name__ = "renamed"
outer.__qualname__ = "Q.renamed"
outer.__doc__ = None
print(outer.__name__, outer.__qualname__, outer.__doc__, repr(outer).startswith("<function Q.renamed at 0x"))
outer.__defaults__ = (99,)
print(outer.__defaults__)
try:
    outer.__defaults__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    outer.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
lam = lambda x: x
print(lam.__name__, lam.__qualname__, lam.__doc__, lam.__defaults__, lam.__kwdefaults__)

class Widget:
    """Widget doc."""
    def method(self):
        "Method doc."
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
    @property
    def prop(self):
        "Prop doc."
w = Widget()
print(Widget.__name__, Widget.__qualname__, Widget.__module__, Widget.__doc__)
print(Widget.method.__qualname__, w.method.__name__, w.method.__qualname__, w.method.__doc__)
print(Widget.cm.__name__, Widget.sm.__qualname__, Widget.prop.__doc__, type(w.method).__name__, type(Widget.method).__name__)
print(w.method.__self__ is w, w.method.__func__ is Widget.method, Widget.cm.__self__ is Widget)
print(w.method == w.method, w.method is w.method, Widget.method is Widget.method)
print(len.__name__, len.__qualname__, len.__module__, len.__self__.__name__ if hasattr(len.__self__, "__name__") else len.__self__)
print([].append.__name__, [].append.__qualname__, type([].append).__name__, type(list.append).__name__, list.append.__qualname__)
print(int.__name__, int.__qualname__, int.__module__, str.upper.__name__, type(str.upper).__name__)
import sys
print(sys.__name__, type(sys).__name__, sys.__doc__ is None or isinstance(sys.__doc__, str))
def gen():
    yield
g = gen()
print(g.__name__, g.__qualname__, type(g).__name__, gen.__code__.co_flags & 0x20 != 0)
class Nested:
    class Deeper:
        def m(self):
            def local():
                pass
            return local
print(Nested.Deeper.m.__qualname__, Nested.Deeper().m().__qualname__, Nested.Deeper.__qualname__)
