# LOAD_METHOD on instances whose values are inline: the method cache must notice every
# way an instance (or the class) can stop a name from meaning the class's function.

class A:
    def __init__(self, x):
        self.x = x

    def m(self):
        return ("A.m", self.x)


def call_m(objs):
    return [o.m() for o in objs]


a1, a2 = A(1), A(2)
print(call_m([a1, a2, a1]))

# An instance value with the method's name, stored after the site has been cached: a
# new shared key for the class, so the cached "not an instance value" no longer holds.
a2.m = lambda: "a2's own m"
print(call_m([a1, a2, a1]))

# A fresh instance also gets its own `m` before the call.
a3 = A(3)
a3.m = lambda: "a3's own m"
print(call_m([a3, a1]))

# Instance with a materialized __dict__ holding the name.
a4 = A(4)
a4.__dict__["m"] = lambda: "a4 via __dict__"
print(call_m([a4, a1]))

# Replacing the method on the class.
def other(self):
    return ("other", self.x)

A.m = other
print(call_m([a1, A(5)]))

# A subclass overriding it, and one turning it into a property.
class B(A):
    def m(self):
        return ("B.m", self.x)

class C(A):
    @property
    def m(self):
        return lambda: ("C.m property", self.x)

print(call_m([A(6), B(7), C(8), B(9)]))

# __getattribute__ on a subclass intercepts the method.
class D(A):
    def __getattribute__(self, name):
        if name == "m":
            return lambda: "D intercepts"
        return object.__getattribute__(self, name)

print(call_m([D(10), A(11)]))

# Deleting the instance's own m brings back the class's.
del a2.m
print(call_m([a2]))

# A class with many attributes (more shared keys than some instances have room for).
class Wide:
    def m(self):
        return "Wide.m"

w = Wide()
for i in range(40):
    setattr(w, "a%d" % i, i)
print(call_m([w, Wide()]))
w.m = lambda: "w's own m"
print(call_m([w, Wide()]))
