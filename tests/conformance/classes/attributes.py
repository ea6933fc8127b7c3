# Attribute lookup order: instance, then class, then base classes; class attributes are shared.
class Base:
    shared = []
    kind = "base"
    def who(self):
        return "Base.who on " + self.kind

class Derived(Base):
    kind = "derived"

d1, d2 = Derived(), Derived()
d1.shared.append("x")
print(d2.shared, Base.shared, d1.who())
d1.kind = "instance"
print(d1.kind, d2.kind, Derived.kind, Base.kind, d1.who())
del d1.kind
print(d1.kind)
Derived.kind = "changed on class"
print(d1.kind, d2.kind)
try:
    d1.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Derived.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del d1.kind
except AttributeError as e:
    print("AttributeError:", e)
setattr(d1, "dynamic", 42)
print(getattr(d1, "dynamic"), getattr(d1, "nope", "default"))
print(Derived.__name__, Derived.__module__, type(d1).__name__)
