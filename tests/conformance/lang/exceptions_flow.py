# Exception flow: nested try/except/else/finally ordering, re-raise semantics, exceptions
# in handlers, except clause variable scoping, raise in finally, return overriding.
log = []
def step(msg):
    log.append(msg)

def f1():
    try:
        step("try")
        raise KeyError("k")
    except KeyError:
        step("except")
        return "from except"
    else:
        step("else")
    finally:
        step("finally")
print(f1(), log)
log.clear()

def f2(n):
    try:
        try:
            if n == 0:
                raise ValueError("zero")
            if n == 1:
                raise TypeError("one")
            step("no error")
        except ValueError as e:
            step(f"inner caught {e}")
            raise RuntimeError("converted") from e
        finally:
            step("inner finally")
    except RuntimeError as e:
        step(f"outer caught {e} cause={e.__cause__!r}")
    except TypeError as e:
        step(f"outer TypeError {e}")
    else:
        step("outer else")
    return list(log)
for n in range(3):
    log.clear()
    print(f2(n))

def f3():
    for i in range(5):
        try:
            if i % 2:
                continue
            if i == 4:
                break
            step(f"body {i}")
        finally:
            step(f"finally {i}")
    return log
log.clear()
print(f3())

def raise_in_handler():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
    except TypeError as e:
        return (str(e), str(e.__context__), e.__suppress_context__)
print(raise_in_handler())

def bare_raise_outside():
    try:
        raise
    except RuntimeError as e:
        return f"{type(e).__name__}: {e}"
print(bare_raise_outside())

def reraise_after_handling():
    try:
        raise ValueError("v")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        try:
            raise
        except ValueError as e:
            return f"re-raised the outer: {e}"
print(reraise_after_handling())

def exc_var_cleared():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return f"UnboundLocalError: {err}"
print(exc_var_cleared())

def finally_return_swallows_exception():
    try:
        1 / 0
    finally:
        return "swallowed"
print(finally_return_swallows_exception())

class CustomError(Exception):
    pass
def match_order():
    try:
        raise CustomError("c")
    except (KeyError, CustomError) as e:
        return f"matched {type(e).__name__}"
    except Exception:
        return "generic"
print(match_order())

def exception_args_types():
    out = []
    for exc in (ValueError(), ValueError(1), ValueError(1, 2), KeyError("k"), OSError(2, "x", "file.txt"), StopIteration(3), SystemExit(4)):
        out.append((type(exc).__name__, exc.args, str(exc), repr(exc)))
    return out
for row in exception_args_types():
    print(row)

def assert_statement():
    try:
        assert 1 == 2, "numbers differ"
    except AssertionError as e:
        print("AssertionError", e, e.args)
    try:
        assert False
    except AssertionError as e:
        print("AssertionError", repr(e), e.args)
assert_statement()
