# hasattr, getattr, setattr, delattr.
class Config:
    debug = False
    def __init__(self):
        self.level = 3

c = Config()
print(hasattr(c, "level"), hasattr(c, "debug"), hasattr(c, "nope"), hasattr(Config, "level"))
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "nope", "fallback"))
setattr(c, "level", 5)
setattr(c, "new_attr", [1])
print(c.level, c.new_attr, getattr(c, "new_attr"))
delattr(c, "new_attr")
print(hasattr(c, "new_attr"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
name = "dyn" + "amic"
setattr(Config, name, "class level")
print(c.dynamic, getattr(Config, "dynamic"))
print(getattr("text", "upper")(), getattr([3, 1], "__len__")())
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
