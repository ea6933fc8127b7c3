# AttributeError messages and the name/obj attributes for various object kinds.
class K:
    __slots__ = ("a",)
import sys
objs = [1, "s", [], {}, None, K(), K, sys, len, (lambda: 0), 1.5, (), object(), type]
for o in objs:
    try:
        o.missing_attribute
    except AttributeError as e:
        print(type(o).__name__, "|", e, "|", e.name, e.obj is o)
for o in (1, "s", [], None, K(), len, object()):
    try:
        o.new_attr = 1
    except AttributeError as e:
        print(type(o).__name__, "|", e)
try:
    K().a
except AttributeError as e:
    print(e)
try:
    del K().a
except AttributeError as e:
    print(e)
try:
    (1).real = 2
except AttributeError as e:
    print(e)
try:
    del [].append
except AttributeError as e:
    print(e)
try:
    len.__name__ = "x"
except AttributeError as e:
    print(e)
class WithGetattr:
    def __getattr__(self, name):
        raise AttributeError(f"custom {name}")
try:
    WithGetattr().foo
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
class WithGetattrName:
    def __getattr__(self, name):
        raise AttributeError(name, name="explicit")
try:
    WithGetattrName().bar
except AttributeError as e:
    print(e, e.name)
e = AttributeError("plain")
print(e.name, e.obj)
