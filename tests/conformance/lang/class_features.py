# Class bodies as namespaces, __class__, class-level code and nested classes.
class Registry:
    names = []
    for n in ("a", "b"):
        names.append(n)
    class Inner:
        value = 1
    def who(self):
        return __class__.__name__
print(Registry.names, Registry.Inner.value, Registry().who(), Registry.n)
class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
WithNew(5)
print(type("Dyn", (), {"x": 1})().x)
