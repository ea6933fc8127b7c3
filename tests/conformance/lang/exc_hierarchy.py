# The built-in exception hierarchy and exception objects.
def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__)
for cls in (BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, KeyError, IndexError,
            ModuleNotFoundError, UnboundLocalError, FileNotFoundError, ConnectionResetError, NotImplementedError,
            RecursionError, StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
            TabError, UnicodeDecodeError, DeprecationWarning, UserWarning, TimeoutError, AttributeError,
            AssertionError, BufferError, EOFError, MemoryError, ReferenceError, SystemError, TypeError):
    print(chain(cls))
print(IOError is OSError, EnvironmentError is OSError)

e = ValueError("bad", 2)
print(e.args, str(e), repr(e))
print(repr(ValueError()), str(ValueError()), repr(ValueError("x")), str(ValueError("x")))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), str(KeyError(1)))
print(repr(Exception(1, "two", [3])), str(Exception(1, "two")))
e.args = ("replaced",)
print(e, e.args)
e2 = Exception()
e2.args = [1, 2]
print(e2.args, type(e2.args).__name__)
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, LookupError))

# exception attributes
try:
    {}["missing"]
except KeyError as ex:
    print(repr(ex), ex.args)
try:
    [][1]
except IndexError as ex:
    print(repr(ex))
s = StopIteration(5)
print(s.value, StopIteration().value, s.args)
se = SystemExit(3)
print(se.code, SystemExit().code, SystemExit(1, 2).code)
print(OSError(2, "No such file").errno, OSError(2, "No such file").strerror, str(OSError(2, "No such file")))
print(str(OSError("just msg")), OSError("x").errno)
ne = NameError("msg", name="foo")
print(ne.name, NameError("m").name)
ae = AttributeError("msg", name="n", obj=5)
print(ae.name, ae.obj)
ie = ImportError("msg", name="mod", path="/p")
print(ie.name, ie.path, ie.msg)
ue = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason)
print(str(ue))

# notes
err = ValueError("with notes")
err.add_note("note 1")
err.add_note("note 2")
print(err.__notes__)
try:
    err.add_note(5)
except TypeError as ex:
    print(type(ex).__name__, ex)

# with_traceback, __traceback__ initially None
x = RuntimeError("x")
print(x.__traceback__, x.__cause__, x.__context__, x.__suppress_context__)
try:
    raise x
except RuntimeError as caught:
    print(type(caught.__traceback__).__name__, caught.__traceback__.tb_lineno)
y = x.with_traceback(None)
print(y is x, x.__traceback__)

# raising non-exceptions
for bad in (5, "str", object, int):
    try:
        raise bad
    except TypeError as ex:
        print(type(ex).__name__, ex)
try:
    raise ValueError from 5
except TypeError as ex:
    print(type(ex).__name__, ex)

# exceptions are classes: raise class instantiates
try:
    raise IndexError
except IndexError as ex:
    print(repr(ex), ex.args)

# catching with tuples and bad except clauses
try:
    raise KeyError("k")
except (ValueError, LookupError) as ex:
    print("caught via tuple", type(ex).__name__)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as ex:
    print(type(ex).__name__, ex)

# exception variable is deleted after except
try:
    raise ValueError("gone")
except ValueError as gone:
    pass
try:
    gone
except NameError as ex:
    print(type(ex).__name__, ex)

# BaseException not caught by except Exception
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("wrong")
except BaseException as ex:
    print("base caught", type(ex).__name__)
