# for loops over lists, ranges, strings, tuples and dicts; nested loops; else clauses.
for x in [3, 1, 2]:
    print("item", x)
for i in range(3):
    print("range", i)
for ch in "abc":
    print("char", ch)
for key in {"b": 1, "a": 2}:
    print("key", key)
for k, v in {"x": 10, "y": 20}.items():
    print(k, v)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

for x in []:
    print("never")
else:
    print("empty loop else runs")

for i in range(10):
    if i % 3:
        continue
    if i > 7:
        break
    print("multiple of 3:", i)

total = 0
for i in range(1, 101):
    total += i
print("sum 1..100 =", total)
for i in range(3):
    pass
print("loop variable after loop:", i)

# A range iterator stays exhausted: loops over it again run no body.
it = iter(range(3))
for x in it:
    print(x)
for x in it:
    print("again", x)
print(next(it, "done"), list(it))
it = iter(range(10, 0, -3))
for x in it: print(x)
for x in it: print("no")
import sys
it = iter(range(sys.maxsize - 2, sys.maxsize, 1))
print([x for x in it], [x for x in it])
it = iter(range(5)); next(it); print(list(it))

# range() of various arguments, in loops and as values.
for args in [(3,), (1,), (2, 5), (-3, -1), (True,), (1, 2 ** 70), (2 ** 63 - 2, 2 ** 63)]:
    r = range(*args)
    try:
        n = len(r)
    except OverflowError as e:
        n = "OverflowError: %s" % e
    print(args, r, n, r[0], r[-1])
for bad in [("x",), (5.0,), (1, None), ()]:
    try:
        range(*bad)
    except TypeError as e:
        print("TypeError", e)
total = 0
for i in range(10):
    for j in range(i, 10):
        total += j
print(total)
