# try/finally with return/break/continue, else clauses, nested handlers.
def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(ret_in_finally())

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            out.append(f"f{i}")
            continue
    return out
print(continue_in_finally())

def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"fin{i}")
    else:
        out.append("else")
    return out
print(loop_with_finally())

def try_else():
    try:
        x = 1
    except Exception:
        print("no")
    else:
        print("else runs", x)
    finally:
        print("finally")
try_else()

def exc_in_else():
    try:
        pass
    except ValueError:
        print("not caught here")
    else:
        raise ValueError("from else")
try:
    exc_in_else()
except ValueError as e:
    print("caught", e)

def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()

def return_value_order():
    log = []
    def f():
        try:
            log.append("try")
            return log
        finally:
            log.append("finally")
    r = f()
    return r
print(return_value_order())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iteration", n)
print(while_finally())

def exception_in_except():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
        finally:
            print("finally after except raised")
    except TypeError as e:
        print("got", e, "ctx", repr(e.__context__))
exception_in_except()

def generator_finally():
    try:
        yield 1
        return
    finally:
        print("gen finally")
print(list(generator_finally()))

def except_star_like():
    for exc in (ValueError, TypeError, KeyError):
        try:
            raise exc("x")
        except (ValueError, TypeError) as e:
            print("group1", type(e).__name__)
        except Exception as e:
            print("other", type(e).__name__)
except_star_like()

def finally_reraises_after_handling():
    try:
        try:
            raise ValueError("first")
        finally:
            print("cleanup")
    except ValueError as e:
        return "handled " + str(e)
print(finally_reraises_after_handling())
import sys
def exc_info_in_finally():
    try:
        raise ValueError("in flight")
    except ValueError:
        pass
    finally:
        return sys.exception()
print(exc_info_in_finally())
