# An exception raised while handling another: both tracebacks are printed.
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError("no such setting: " + key)

print(lookup({"a": 1}, "a"))
lookup({}, "colour")
