# with statements and context managers.
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress

with Managed("a") as value:
    print("body got", value)
with Managed("outer"), Managed("inner") as v:
    print("nested body", v)
with Managed("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed error")
try:
    with Managed("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
