# __slots__ basics: fixed slots instead of a __dict__, slot descriptors on the class,
# AttributeError messages, del of a slot, the spellings of __slots__.


def show_exc(f):
    try:
        r = f()
    except Exception as e:
        print(f"  {type(e).__name__}: {e}")
    else:
        print("  ok:", r)


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print("x:", p.x)
print("has __dict__:", hasattr(p, "__dict__"))
print("has __weakref__:", hasattr(p, "__weakref__"))
print("class has __dict__ attr:", "__dict__" in P.__dict__)
print("class has __weakref__ attr:", "__weakref__" in P.__dict__)
print("__slots__:", P.__slots__)
print("x in class dict:", "x" in P.__dict__, "y" in P.__dict__)
print("unset slot:")
show_exc(lambda: p.y)
print("getattr default:", getattr(p, "y", "dflt"))
print("hasattr y:", hasattr(p, "y"))
p.y = 2
print("y:", p.y)
print("unknown attribute set:")
show_exc(lambda: setattr(p, "z", 3))
print("unknown attribute get:")
show_exc(lambda: p.z)
print("__dict__ get:")
show_exc(lambda: p.__dict__)
print("vars():")
show_exc(lambda: vars(p))

print("del slot:")
del p.y
print("  hasattr y:", hasattr(p, "y"))
show_exc(lambda: p.y)
print("del again:")
try:
    del p.y
except AttributeError as e:
    print("  AttributeError:", e)
print("del unknown:")
try:
    del p.z
except AttributeError as e:
    print("  AttributeError:", e)
p.y = 5
print("y again:", p.y)

# __slots__ as a single string
class S:
    __slots__ = "only"


s = S()
s.only = "one"
print("string slots:", S.__slots__, s.only, type(S.__dict__["only"]).__name__)
show_exc(lambda: setattr(s, "o", 1))

# __slots__ as a list (kept as given on the class)
class L:
    __slots__ = ["a", "b"]


l = L()
l.a, l.b = 1, 2
print("list slots:", L.__slots__, type(L.__slots__).__name__, l.a + l.b)

# any iterable of strings
class D:
    __slots__ = {"k1": "doc one", "k2": None}


print("dict slots: docs:", D.k1.__doc__, D.k2.__doc__)

class E:
    __slots__ = ()


e = E()
print("empty slots:", hasattr(e, "__dict__"))
show_exc(lambda: setattr(e, "a", 1))

# member_descriptor: repr, type, __get__/__set__/__delete__ used directly
desc = P.__dict__["x"]
print(repr(desc))
print(type(desc).__name__, type(desc).__qualname__)
print("name:", desc.__name__, "qualname:", desc.__qualname__, "objclass:", desc.__objclass__.__name__)
print("P.x is desc:", P.x is desc)
q = P(10)
print("__get__:", desc.__get__(q, P), desc.__get__(q))
print("__get__(None, P) is desc:", desc.__get__(None, P) is desc)
desc.__set__(q, 20)
print("after __set__:", q.x)
desc.__delete__(q)
print("after __delete__:", hasattr(q, "x"))
print("__get__ on an unset slot:")
show_exc(lambda: desc.__get__(q, P))
print("__get__ on a wrong type:")
show_exc(lambda: desc.__get__(s, S))
print("__set__ on a wrong type:")
show_exc(lambda: desc.__set__(42, 1))
print("__delete__ on a wrong type:")
show_exc(lambda: desc.__delete__("str"))

# the slot is a data descriptor, so it wins over nothing else: no instance dict exists
print("data descriptor:", hasattr(type(desc), "__set__"), hasattr(type(desc), "__delete__"))

# private names are mangled
class M:
    __slots__ = ("__secret", "plain")

    def __init__(self):
        self.__secret = "s"

    def get(self):
        return self.__secret


m = M()
print("mangled:", sorted(k for k in M.__dict__ if "secret" in k), m.get(), m._M__secret)
print("__slots__ keeps the unmangled name:", M.__slots__)
