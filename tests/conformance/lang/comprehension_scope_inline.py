# CPython 3.12+ inlines list/set/dict comprehensions (PEP 709): no separate frame, so
# zero-argument super() works inside them and tracebacks show no <listcomp> frame.
class Base:
    def names(self):
        return ["base"]
class Child(Base):
    def names(self):
        return [n.upper() for n in super().names()] + [super().names()[0] for _ in range(1)]
print(Child().names())

def fail(items):
    return [1 / x for x in items]
fail([1, 0])
