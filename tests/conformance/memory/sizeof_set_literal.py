# A set display of constants is built from a frozenset constant with SET_UPDATE, which
# CPython presizes (set_merge): {1, 2, 3, 4, 5} has a 16-slot table.
import sys

print(sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof({1, 2, 3}), sys.getsizeof({"a", "b", "c", "d", "e", "f"}))
