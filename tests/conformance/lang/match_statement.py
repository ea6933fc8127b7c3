# Structural pattern matching.
def describe(value):
    match value:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative int"
        case int() | float():
            return "number"
        case [x, y]:
            return "pair " + str(x) + "," + str(y)
        case [first, *rest]:
            return "list starting " + str(first) + " plus " + str(len(rest))
        case {"kind": "point", "x": x}:
            return "point at " + str(x)
        case str() as s:
            return "string " + s
        case _:
            return "something else"

for v in [0, -3, 2.5, [1, 2], [1, 2, 3], {"kind": "point", "x": 4}, "hi", None]:
    print(describe(v))
