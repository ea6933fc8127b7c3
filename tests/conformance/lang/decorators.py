# Function and class decorators, decorators with arguments.
def trace(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args)
        return func(*args, **kwargs)
    return wrapper

@trace
def add(a, b):
    return a + b
print(add(2, 3))

def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("ann"))

def register(cls):
    cls.registered = True
    return cls

@register
class Plugin:
    pass
print(Plugin.registered)

@trace
@repeat(2)
def stacked():
    return "s"
print(stacked())
