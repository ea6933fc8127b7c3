# try/except: matching by class, by base class, tuples of classes, and the bound name.
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "type":
        return "a" + 1
    if kind == "value":
        return int("x")
    return "fine"

for kind in ["zero", "key", "index", "type", "value", "none"]:
    try:
        result = risky(kind)
        print(kind, "->", result)
    except ZeroDivisionError:
        print(kind, "-> ZeroDivisionError")
    except (KeyError, IndexError) as e:
        print(kind, "-> lookup error:", type(e).__name__, repr(e))
    except Exception as e:
        print(kind, "-> other:", type(e).__name__, e)

try:
    [].pop()
except LookupError as e:
    print("caught via base class:", type(e).__name__, e)

e = "before"
try:
    raise ValueError("bound")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("the except target is deleted after the block:", err)

try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("not reached")
except TypeError as e:
    print("propagated to outer:", e)

try:
    raise KeyError("k")
except:
    print("bare except catches everything")
