# Functions are objects: names, docstrings, passing them around, attributes.
def greet(name):
    """Return a greeting."""
    return "hello " + name

def apply(func, value):
    return func(value)

print(greet.__name__, greet.__doc__)
print(apply(greet, "world"))
alias = greet
print(alias("again"), alias is greet, alias.__name__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__qualname__)
greet.calls = 3
print(greet.calls)
def no_doc():
    pass
print(no_doc.__doc__)
print(callable(greet), callable(3))
table = {"double": lambda x: 2 * x, "neg": lambda x: -x}
for name in table:
    print(name, table[name](21))
