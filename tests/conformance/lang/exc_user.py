# User-defined exception classes with custom __init__ / __str__ / __repr__.
class AppError(Exception):
    """Base for app errors."""

class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(f"{key} not found in {where}")
        self.key = key
        self.where = where

class Custom(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f"custom code {self.code}"

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"

class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a

try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, e, e.args, e.key, e.where, repr(e))
try:
    raise Custom(7)
except Exception as e:
    print(str(e), repr(e), e.args, e.code)
print(str(WithRepr("a")), repr(WithRepr("a")))
ns = NoSuper(1, 2)
print(ns.args, str(ns), repr(ns), ns.a)
print(AppError.__doc__, NotFound.__mro__[1].__name__)

class Multi(ValueError, KeyError): pass
try:
    raise Multi("m")
except KeyError as e:
    print("Multi caught as KeyError", repr(e), str(e))

class MyKeyError(KeyError): pass
print(str(MyKeyError("x")), repr(MyKeyError("x")))

class Attrs(Exception):
    pass
a = Attrs("msg")
a.extra = [1]
print(a.extra, vars(a))

# exceptions as context for raising subclass with args in __new__
class PosErr(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.created = True
        return inst
p = PosErr(1, 2)
print(p.args, p.created)

class Ret(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        self.args = ("overridden",)
print(Ret(1), Ret(1).args)

# exception with __str__ raising
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")
try:
    str(BadStr())
except RuntimeError as e:
    print("str failed:", e)

# exception groups are out of scope here; test equality/hash of exceptions
e1 = ValueError(1)
print(e1 == e1, e1 == ValueError(1), len({e1, e1}))
