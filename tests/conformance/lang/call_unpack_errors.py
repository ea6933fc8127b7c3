# Errors from * and ** unpacking in calls name the function (CPython 3.13's
# _PyObject_FunctionStr: "module.qualname()").
def many(a, b, c, d):
    return a, b, c, d
def keywords(**kw):
    return kw
class K:
    def meth(self, **kw):
        return kw
for call in (lambda: many(**{"a": 1}, **{"a": 2}), lambda: many(*5), lambda: many(**[1]),
             lambda: keywords(**{1: 2}), lambda: K().meth(**{"x": 1}, x=2), lambda: print(*5),
             lambda: len(**{"a": 1}, **{"a": 2}), lambda: [*5], lambda: {**[1]}):
    try:
        call()
    except TypeError as ex:
        print(type(ex).__name__, ex)
