# list[int] (types.GenericAlias), int | None (types.UnionType) and the types module names.
import types
def f(x: list[int], y: dict[str, list[int]] | None = None) -> tuple[int, ...]:
    return (len(x),)
print(f([1, 2]), f.__annotations__)
print(list[int], dict[str, int], tuple[int, ...], tuple[()], set[float], type[int], frozenset[str])
print(int | None, int | str | None, None | int, list[int] | None, int | list[int])
print(type(list[int]), type(int | None))
print(list[int]() , list[int]([1, 2]), list[int].__origin__, list[int].__args__)
print(isinstance(3, int | str), isinstance("s", int | None), isinstance(None, int | None), issubclass(bool, int | str))
print((int | str) == (str | int), int | int, (int | None).__args__)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
class A: pass
print(A | None, list[A])
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
print(types.FunctionType, types.ModuleType, types.NoneType, types.GeneratorType, types.MethodType, types.BuiltinFunctionType)
def g(): pass
print(isinstance(g, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
