# Loops, try/except/finally, with, and every way of leaving them early.
import sys


def loops(xs, n):
    total = 0
    for x in xs:
        if x < 0:
            continue
        if x > 100:
            break
        total += x
    else:
        total = -total
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        elif i > 10:
            break
    else:
        i = None
    while True:
        n -= 1
        if n <= 0:
            break
    for a, (b, *c) in [(1, (2, 3, 4))]:
        total += a + b + len(c)
    return total, i


def finally_return(x):
    try:
        if x:
            return 1
        return x + 1
    finally:
        print("finally")


def finally_overrides():
    try:
        return 1
    finally:
        return 2


def break_in_finally_loop(items):
    for item in items:
        try:
            if item:
                break
            continue
        finally:
            print(item)
    return None


def nested_finally(a):
    for i in range(3):
        try:
            try:
                if a:
                    return i
                break
            finally:
                print("inner")
        finally:
            print("outer")


def except_variants(f):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(e)
        raise
    except KeyError:
        return "key"
    except Exception as e:
        raise RuntimeError("wrapped") from e
    except:
        pass
    else:
        print("no error")
    try:
        f()
    except ValueError as err:
        for x in range(3):
            if x:
                break
            continue
        return err
    finally:
        print("done")


def return_from_except_in_loop(xs):
    for x in xs:
        try:
            x()
        except ValueError as e:
            if e:
                continue
            return e
        except TypeError:
            break
    return None


def with_statements(path):
    with open(path) as f:
        data = f.read()
    with open(path) as a, open(path) as b:
        data += a.read() + b.read()
    with lock:
        pass
    for p in [path]:
        with open(p) as fh:
            if fh:
                continue
            if not fh:
                break
            return fh.read()
    with ctx() as (x, y), other() as obj.attr:
        return x + y
    return data


def with_in_try(p):
    try:
        with open(p) as f:
            return f.read()
    except OSError:
        return None
    finally:
        cleanup()


def raise_forms(e):
    if e is None:
        raise
    if e:
        raise e
    raise ValueError("x") from None


def assertions(x):
    assert x
    assert x > 0, "positive"
    assert (x, "always true")


def try_in_generator():
    try:
        yield 1
        yield from range(3)
    except GeneratorExit:
        raise
    finally:
        yield 2


def deep_unwind(n):
    while n:
        for i in range(n):
            with ctx():
                try:
                    try:
                        if i == 2:
                            return i
                        if i == 3:
                            break
                        if i == 4:
                            continue
                    except ValueError as e:
                        if e:
                            return e
                        break
                    finally:
                        n -= 1
                finally:
                    pass
        n -= 1
    return -1


def return_in_handler_with_value():
    try:
        pass
    except Exception as e:
        return compute(e)
    finally:
        print("f")


def return_in_finally_exceptional_path(x):
    try:
        x()
    finally:
        if x:
            return "swallowed"


def continue_in_finally(xs):
    for x in xs:
        try:
            pass
        finally:
            continue
