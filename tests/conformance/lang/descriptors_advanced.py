# Descriptor details: __set_name__ order, lookup precedence with __getattr__, class-level
# access, __get__ with None instance, descriptors on metaclasses, __class_getitem__,
# __init_subclass__ keyword arguments, functions as descriptors.
class Field:
    count = 0
    def __init__(self, default=None):
        self.default = default
        Field.count += 1
        self.order = Field.count
    def __set_name__(self, owner, name):
        self.name = name
        print(f"__set_name__ {owner.__name__}.{name} #{self.order}")
    def __get__(self, obj, owner):
        if obj is None:
            return f"<Field {self.name}>"
        return obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value

class Model:
    first = Field(1)
    second = Field(2)
    third = Field()
m = Model()
print(Model.first, m.first, m.third)
m.second = 22
print(m.second, m.__dict__)
Model.fourth = Field(4)
print(hasattr(Model.fourth, "name"))

class Lazy:
    def __init__(self, func):
        self.func = func
    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.func(obj)
        setattr(obj, self.func.__name__, value)
        return value
class Circle:
    def __init__(self, r): self.r = r
    @Lazy
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, type(Circle.area).__name__)

def plain(self, x):
    return (type(self).__name__, x)
class UsesPlain:
    method = plain
bound = UsesPlain().method
print(bound(1), plain.__get__(UsesPlain(), UsesPlain)(2), plain.__get__(None, UsesPlain) is plain)
print(type(bound).__name__, bound.__func__ is plain)

class Generic:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Generic[int], Generic["x"], Generic[1, 2])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)

class Base:
    def __init_subclass__(cls, /, prefix="", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = prefix + cls.__name__
class A(Base, prefix="x-"): pass
class B(A): pass
print(A.tag, B.tag)

class MetaDescr:
    def __get__(self, obj, owner):
        return ("meta descr", obj.__name__ if obj is not None else None)
class Meta(type):
    info = MetaDescr()
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.info)
try:
    WithMeta().info
except AttributeError as e:
    print(type(e).__name__, e)

class Overridden:
    @property
    def value(self):
        return "property"
    def __getattr__(self, name):
        return "getattr " + name
o = Overridden()
o.__dict__["value"] = "instance dict"
print(o.value, o.other)

class Parent:
    @property
    def p(self): return "parent p"
    @staticmethod
    def s(): return "parent s"
    @classmethod
    def c(cls): return "parent c " + cls.__name__
class Child(Parent):
    @property
    def p(self): return "child p / " + super().p
    @classmethod
    def c(cls): return "child c / " + super().c()
print(Child().p, Child.s(), Child.c(), Child().c())
