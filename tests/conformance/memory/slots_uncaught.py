# An uncaught AttributeError on a slotted object: the traceback and CPython's message.


class Slotted:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 1


def assign(obj):
    obj.y = 2


s = Slotted()
print("before")
assign(s)
print("not reached")
