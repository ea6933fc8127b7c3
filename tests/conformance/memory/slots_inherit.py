# __slots__ and inheritance, __dict__ / __weakref__ in __slots__, and the errors raised
# when the class is created.
import weakref


def show_exc(f):
    try:
        r = f()
    except Exception as e:
        print(f"  {type(e).__name__}: {e}")
    else:
        print("  ok:", r)


class Base:
    __slots__ = ("a",)


class Child(Base):
    __slots__ = ("b",)


c = Child()
c.a, c.b = 1, 2
print("child slots:", c.a, c.b, hasattr(c, "__dict__"), Child.__slots__)
print("a from base:", "a" in Child.__dict__, Child.a is Base.a)
show_exc(lambda: setattr(c, "c", 3))

# a subclass without __slots__ gets a __dict__ and a __weakref__ again
class Free(Base):
    pass


f = Free()
f.a = 1
f.other = 2
print("no __slots__ in subclass:", f.__dict__, hasattr(f, "__weakref__"))
print("weakref ok:", weakref.ref(f)() is f)

# slots on top of a class that has a __dict__: the dict is still there
class WithDict:
    pass


class SlotsOverDict(WithDict):
    __slots__ = ("s",)


o = SlotsOverDict()
o.s = 1
o.anything = 2
print("slots over dict-having base:", o.s, o.__dict__, "s" in o.__dict__)
print("weakref of slots-over-dict:", weakref.ref(o)() is o)

# __dict__ listed in __slots__
class DictSlot:
    __slots__ = ("x", "__dict__")


d = DictSlot()
d.x = 1
d.y = 2
print("__dict__ slot:", d.__dict__, d.x, "__dict__" in DictSlot.__dict__)
print("no weakref:", hasattr(d, "__weakref__"))

# __weakref__ listed in __slots__
class WeakSlot:
    __slots__ = ("x", "__weakref__")


w = WeakSlot()
r = weakref.ref(w)
print("__weakref__ slot:", r() is w, w.__weakref__ is r, hasattr(w, "__dict__"))
del w
print("dead:", r())

# weakref to a slotted object without __weakref__
print("weakref without __weakref__:")
show_exc(lambda: weakref.ref(Base()))
show_exc(lambda: weakref.proxy(Child()))

# errors at class creation
print("slot conflicts with a class variable:")
try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("  ValueError:", e)

print("nonempty __slots__ on int subclass:")
try:
    class MyInt(int):
        __slots__ = ("extra",)
except TypeError as e:
    print("  TypeError:", e)

print("nonempty __slots__ on tuple subclass:")
try:
    class MyTuple(tuple):
        __slots__ = ("extra",)
except TypeError as e:
    print("  TypeError:", e)

print("nonempty __slots__ on bytes subclass:")
try:
    class MyBytes(bytes):
        __slots__ = ("extra",)
except TypeError as e:
    print("  TypeError:", e)


class EmptyInt(int):
    __slots__ = ()


ei = EmptyInt(5)
print("empty __slots__ on int subclass:", ei + 1, hasattr(ei, "__dict__"))


class EmptyTuple(tuple):
    __slots__ = ()


print("empty __slots__ on tuple subclass:", EmptyTuple((1, 2)), hasattr(EmptyTuple(), "__dict__"))

print("__dict__ twice:")
try:
    class TwoDicts(DictSlot):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("  TypeError:", e)

print("__weakref__ twice:")
try:
    class TwoWeak(WeakSlot):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("  TypeError:", e)

print("__dict__ in slots over a dict-having base:")
try:
    class DictAgain(WithDict):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("  TypeError:", e)

print("not an identifier:")
try:
    class BadName:
        __slots__ = ("1x",)
except TypeError as e:
    print("  TypeError:", e)

print("not a string:")
try:
    class NotStr:
        __slots__ = (1,)
except TypeError as e:
    print("  TypeError:", e)

print("not iterable:")
try:
    class NotIter:
        __slots__ = 5
except TypeError as e:
    print("  TypeError:", e)

print("layout conflict:")
try:
    class X:
        __slots__ = ("x",)

    class Y:
        __slots__ = ("y",)

    class XY(X, Y):
        pass
except TypeError as e:
    print("  TypeError:", e)


# a slot of the same name in a subclass shadows the base's
class Shadow(Base):
    __slots__ = ("a",)


sh = Shadow()
sh.a = "sub"
Base.a.__set__(sh, "base")
print("shadowed slot:", sh.a, Base.a.__get__(sh), Shadow.a is not Base.a)

# a property in a subclass shadows a slot
class Prop(Base):
    __slots__ = ()

    @property
    def a(self):
        return "property"


pr = Prop()
print("property over slot:", pr.a)
Base.a.__set__(pr, 7)
print("slot still there:", Base.a.__get__(pr))
