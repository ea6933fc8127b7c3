# No markers when the failing call is the whole value of `x = f(...)` or `return f(...)`
# spread over lines, or when the span is a whole statement (a multi-line raise).
def fail(a, b):
    raise ValueError(f"fail {a} {b}")


def assign():
    x = fail(
        1,
        2)
    return x


def ret():
    return fail(
        3, 4)


def method_ret(s):
    return s.encode(
        "no-such-codec")


def raise_multi(n):
    raise KeyError(
        n
    )


try:
    assign()
except ValueError:
    try:
        ret()
    except ValueError:
        try:
            method_ret("x")
        except LookupError:
            raise_multi("k")
