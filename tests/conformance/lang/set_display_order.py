# A set display of constants is built from a frozenset constant in CPython (BUILD_SET 0;
# LOAD_CONST frozenset; SET_UPDATE), which decides the iteration order of larger sets.
print({5, 3, 1000, 2**40, -7, 64, 1025})
print({100, 200, 300, 400, 500, 600, 700, 800, 900})
s = {9, 17, 25, 33, 41}
print(s, list(s))
print(set([5, 3, 1000, 2**40, -7, 64, 1025]))
