# Exceptions propagate through nested calls and handlers until one matches.
def level3(x):
    return 10 // x

def level2(x):
    try:
        return level3(x)
    except TypeError:
        print("level2 ignores TypeError")
        return None

def level1(x):
    try:
        return level2(x)
    finally:
        print("level1 cleanup for", repr(x))

for arg in [5, 0, "s"]:
    try:
        print("result:", level1(arg))
    except ZeroDivisionError as e:
        print("top level caught:", e)

def handler_raises():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError as inner:
            print("inner handler:", inner)
        print("back in outer handler")
handler_raises()

count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise RuntimeError("retry")
        print("succeeded after", count, "tries")
        break
    except RuntimeError:
        print("attempt", count, "failed")
