# An uncaught AttributeError reading an unset slot: traceback and message.


class Slotted:
    __slots__ = ("x", "y")


s = Slotted()
s.x = 1
print(s.x)
print(s.y)
