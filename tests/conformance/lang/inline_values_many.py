# Many attributes: more names than the inline capacity, and instances allocated before
# their class learnt new names.

class Many:
    pass

a = Many()
for i in range(40):
    setattr(a, "attr%d" % i, i)
print(len(vars(a)), a.attr0, a.attr39, list(vars(a))[:3], list(vars(a))[-2:])

b = Many()
for i in range(40):
    setattr(b, "attr%d" % (39 - i), i)
print(len(b.__dict__), b.attr39, b.attr0, list(b.__dict__)[:2])

# An instance allocated before new names were seen.
class Grow:
    def __init__(self):
        self.one = 1

old = Grow()
new1 = Grow()
new1.two = 2
new1.three = 3
old.two = 22
old.three = 33
new2 = Grow()
new2.three = 3
new2.two = 2
for o in (old, new1, new2):
    print(o.one, o.two, o.three, o.__dict__)
del old.one
print(old.__dict__, hasattr(old, "one"))

# Deleting everything and adding again.
g = Grow()
del g.one
print(vars(g))
g.one = "again"
g.z = None
print(vars(g), g.z is None)

# Subclass of an inline class keeps its own attributes.
class Sub(Grow):
    def __init__(self):
        super().__init__()
        self.sub = "s"

s = Sub()
print(s.__dict__, s.one, isinstance(s, Grow))
