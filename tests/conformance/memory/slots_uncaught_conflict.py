# An uncaught ValueError from a class whose __slots__ conflicts with a class variable.
print("start")


class Conflict:
    __slots__ = ("value",)
    value = 0
