# List, dict and set comprehensions and generator expressions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x ** 2 for x in range(5)}, {c for c in "hello" if c != "l"} == {"h", "e", "o"})
print(sum(x for x in range(101)), list(x + 1 for x in [1, 2]), max(len(w) for w in ["a", "bbb"]))
print([[r * c for c in range(3)] for r in range(3)])
x = "outer"
print([x for x in "ab"], x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([y := 5, y ** 2], [z for z in range(5) if (w := z * 2) > 4], w)
