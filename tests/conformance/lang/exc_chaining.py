# raise ... from ..., implicit chaining, __cause__, __context__, __suppress_context__.
def show(e):
    parts = []
    while e is not None:
        parts.append(f"{type(e).__name__}({e}) cause={type(e.__cause__).__name__ if e.__cause__ else None} "
                     f"ctx={type(e.__context__).__name__ if e.__context__ else None} suppress={e.__suppress_context__}")
        e = e.__cause__ or e.__context__
    print(" | ".join(parts))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("explicit") from z
except ValueError as e:
    show(e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("suppressed") from None
except ValueError as e:
    show(e)

try:
    raise KeyError("k") from OSError("os")
except KeyError as e:
    show(e)

try:
    raise KeyError("k") from OSError
except KeyError as e:
    show(e)

# context chain of three
try:
    try:
        try:
            raise TypeError("first")
        except TypeError:
            raise ValueError("second")
    except ValueError:
        raise RuntimeError("third")
except RuntimeError as e:
    show(e)

# re-raise keeps the same object, bare raise
def reraiser():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    show(e)

# raising the exception being handled does not self-chain
try:
    try:
        raise ValueError("self")
    except ValueError as v:
        raise v
except ValueError as e:
    show(e)

# exception raised in finally gets context
try:
    try:
        raise ValueError("in try")
    finally:
        raise KeyError("in finally")
except KeyError as e:
    show(e)

# setting __cause__ manually
e = RuntimeError("manual")
e.__cause__ = ValueError("c")
print(e.__suppress_context__, type(e.__cause__).__name__)
try:
    e.__cause__ = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.__context__ = "x"
except TypeError as ex:
    print(type(ex).__name__, ex)
e.__suppress_context__ = True
print(e.__suppress_context__)
e.__cause__ = None
print(e.__cause__)

# context set while handling in a called function
def helper():
    raise LookupError("from helper")
try:
    try:
        raise IndexError("outer")
    except IndexError:
        helper()
except LookupError as ex:
    show(ex)

# sys.exception() and handled exceptions
import sys
print(sys.exception())
try:
    raise ValueError("handled")
except ValueError:
    print(repr(sys.exception()))
    try:
        raise TypeError("nested")
    except TypeError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception())
print(sys.exc_info()[0])

# __context__ cycle avoidance
try:
    try:
        raise ValueError("A")
    except ValueError as a:
        try:
            raise TypeError("B")
        except TypeError as b:
            raise a
except ValueError as ex:
    show(ex)
