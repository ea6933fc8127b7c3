# Identity and mutability: the first thing pyglass exists to make visible.
#
# Run it with:   pyglass examples/identity_and_mutability.py
#
# Every Python value is an object. A name is only a label attached to an object:
# assignment never copies, it attaches another label. `is` asks "same object?",
# `==` asks "equal value?".

# Two names, one list.
a = [1, 2, 3]
b = a                      # no copy: b and a label the same list
b.append(4)                # mutate through one name...
print("a =", a)            # ...and the other name sees the change
print("a is b:", a is b)

# Equal, but not the same object.
c = [1, 2, 3, 4]
print("a == c:", a == c, "| a is c:", a is c)

# Rebinding is not mutation: `+` builds a new list, `+=` changes the list in place.
d = a
d = d + [5]                # d now labels a NEW list; a is untouched
print("after d = d + [5]: a =", a, "d =", d)
e = a
e += [5]                   # list += extends the SAME list in place
print("after e += [5]:    a =", a, "| e is a:", e is a)

# Immutable objects cannot change, so `+=` must rebind to a new object.
t = (1, 2)
u = t
t += (3,)
print("tuple: t =", t, "u =", u, "| t is u:", t is u)

s = "py"
s2 = s
s += "glass"
print("str:   s =", s, "s2 =", s2)

# Functions receive references: they can mutate the caller's object,
# but rebinding a parameter only changes the function's own label.
def mutate(lst):
    lst.append("added by mutate")

def rebind(lst):
    lst = ["a brand new list"]
    return lst

names = ["ann"]
mutate(names)
rebind(names)
print("names =", names)

# A tuple is immutable, but the objects inside it may not be.
pair = ([], "fixed")
pair[0].append("inside the tuple")
print("pair =", pair)

# Copying: a shallow copy makes a new outer list that shares the inner lists.
grid = [[0, 0], [0, 0]]
shallow = grid.copy()
shallow[0][0] = 9          # the inner list is shared...
shallow.append([7, 7])     # ...but the outer list is not
print("grid    =", grid)
print("shallow =", shallow)

# The classic trap: [[0] * 2] * 2 repeats ONE inner list twice.
trap = [[0] * 2] * 2
trap[0][0] = 1
print("trap =", trap, "| same inner list:", trap[0] is trap[1])

# None is a singleton: compare with `is`.
result = None
print("result is None:", result is None)
