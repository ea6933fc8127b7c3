# Exception classes with a custom __module__ / __qualname__ in the last traceback line.
class Outer:
    class InnerError(Exception):
        pass
class Renamed(Exception):
    pass
Renamed.__module__ = "mylib.errors"
try:
    raise Outer.InnerError("nested class")
except Exception as e:
    print(type(e).__qualname__, type(e).__module__)
raise Renamed("with module")
