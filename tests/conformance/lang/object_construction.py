# Instance construction: object.__new__/__init__ argument rules, __new__ of built-in
# subclasses, __new__ returning other types, __slots__ layouts and their errors.
def t(label, f):
    try:
        print(label, repr(f()))
    except (TypeError, AttributeError, ValueError) as e:
        print(label, type(e).__name__, e)
class A:
    def __init__(self):
        super().__init__(1)
t("A", lambda: A())
class B:
    def __new__(cls, x):
        return super().__new__(cls, x)
t("B", lambda: B(1))
class C:
    def __new__(cls, *a):
        return object.__new__(cls)
    def __init__(self, *a):
        self.a = a
t("C", lambda: C(1, 2).a)
class NoInit:
    pass
t("NoInit", lambda: NoInit(1))
t("NoInit kw", lambda: NoInit(x=1))
t("object()", lambda: object(1))
t("object.__new__(5)", lambda: object.__new__(5))
t("object.__init__", lambda: object.__init__(object(), 1))
class D(list):
    def __init__(self, *a):
        super().__init__()
        self.extra = a
t("D", lambda: (D(1, 2), D(1, 2).extra))
class G(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
t("G", lambda: (G(21), type(G(21)).__name__))
class H(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
t("H", lambda: (H("abc"), type(H("abc")).__name__))
class I(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
t("I", lambda: I(1, 2))
class J(float):
    def __new__(cls, v):
        return super().__new__(cls, v + 0.5)
t("J", lambda: J(1))
class K(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
t("K", lambda: (K(1, 2).args, K(1, 2).b))
class L(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, "forced")
t("L", lambda: L(1).args)
t("type(...)()", lambda: type(type("X", (), {})()).__name__)
t("type int base", lambda: type("X", (int,), {})(5) + 1)
class M:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
t("M.a", lambda: M().a)
t("M.b", lambda: setattr(M(), "b", 2))
class N(M):
    pass
n = N(); n.b = 5
t("N dict", lambda: n.__dict__)
class O:
    __slots__ = ("__dict__",)
o = O(); o.x = 1
t("O dict", lambda: o.__dict__)
class P:
    __slots__ = "single"
t("P slots", lambda: P.__slots__)
t("dup slots", lambda: type("Q", (), {"__slots__": ("a", "a")}))
t("slot conflict", lambda: type("R", (), {"__slots__": ("a",), "a": 5}))
t("bad slot", lambda: type("S", (), {"__slots__": (1,)}))
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")
t("Other", lambda: Other())
