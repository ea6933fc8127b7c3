# sys.getsizeof of one-character Latin-1 strings made by case mapping: CPython returns a
# fresh string (no cached UTF-8), not the static singleton (which has its UTF-8 cached).
import sys

print(sys.getsizeof("é"), sys.getsizeof("É".lower()), sys.getsizeof("é".upper()), sys.getsizeof("ÿ".title()))
