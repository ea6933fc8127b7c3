# add_note and __notes__: notes live in the instance __dict__, can be replaced or made
# invalid, and are printed line by line (multi-line notes) after the message.
class E(Exception):
    pass
e = E("boom")
print(hasattr(e, "__notes__"), vars(e))
e.add_note("first")
e.add_note("second\nwith two lines")
print(e.__notes__, vars(e))
e.__notes__ = ["replaced"]
e.add_note("again")
print(e.__notes__)
bad = E("bad")
bad.__notes__ = "not a list"
try:
    bad.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)
print("__weakref__" in E.__dict__, "__weakref__" in Exception.__dict__, "__dict__" in BaseException.__dict__)
k = KeyError("k")
k.add_note("key note")
print(repr(k), k.__notes__)
v = ValueError("final")
v.add_note("note line 1\nnote line 2")
v.add_note("another note")
raise v
