# A metaclass __call__ controls instance creation (CPython's type_call via the metatype's
# tp_call slot): singletons, counting and argument rewriting.
class Counting(type):
    def __call__(cls, *args, **kw):
        print("meta call", cls.__name__, args, kw)
        inst = super().__call__(*args, **kw)
        inst.via_meta = True
        return inst

class Point(metaclass=Counting):
    def __init__(self, x, y=0):
        self.x, self.y = x, y

p = Point(1, y=2)
print(p.x, p.y, p.via_meta)

class Singleton(type):
    _instances = {}
    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, name):
        self.name = name
a = Config("first")
b = Config("second")
print(a is b, a.name)

class NoInit(type):
    def __call__(cls, *args):
        return ("intercepted", cls.__name__, args)
class Thing(metaclass=NoInit):
    pass
print(Thing(1, 2))
