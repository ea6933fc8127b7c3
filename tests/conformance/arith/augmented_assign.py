# Augmented assignment on numbers, strings, lists (in place) and tuples (rebinding).
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n /= 4; print(n)
n = 17
n //= 3; print(n)
n %= 4; print(n)
n **= 5; print(n)
n = 0b1100
n &= 0b1010; print(n)
n |= 0b0001; print(n)
n ^= 0b1111; print(n)
n <<= 4; print(n)
n >>= 2; print(n)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
d = {"k": 1}
d["k"] += 10
print(d)
class Box:
    pass
b = Box()
b.v = 1
b.v += 41
print(b.v)
items = [1, 2, 3]
items[1] *= 100
print(items)
