# Identifiers: underscores, digits, non-ASCII letters.
_private = 1
__dunder_like = 2
name_with_digits_123 = 3
café = 4
π = 3.14
変数 = "hen-su"
Ωmega = "omega"
print(_private, __dunder_like, name_with_digits_123)
print(café, π, 変数, Ωmega)
x1 = x2 = 5
print(x1 + x2)
