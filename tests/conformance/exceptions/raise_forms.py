# raise with classes and instances, re-raise, raise from, and exception attributes.
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)

try:
    raise ValueError("with message", 42)
except ValueError as e:
    print(repr(e), e.args, str(e))

try:
    raise KeyError("key")
except KeyError as e:
    print(str(e), repr(e))

def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling, then re-raising")
        raise

try:
    reraise()
except ZeroDivisionError as e:
    print("re-raised:", e)

try:
    try:
        {}["a"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))
    print(e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(e, "| context:", type(e.__context__).__name__, "| cause:", e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("suppressed") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    raise 42
except TypeError as e:
    print("TypeError:", e)

err = IndexError("stored")
try:
    raise err
except IndexError as e:
    print(e is err)
print(repr(Exception()), repr(Exception("a", "b")), str(Exception("a", "b")), str(Exception()))
