# Conditional expressions (x if c else y): laziness and nesting.
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print(sign(-5) if True else None)
print(sign(-1), sign(0), sign(1))
def loud(v):
    print("evaluated", v)
    return v
print(loud("a") if True else loud("b"))
print(loud("a") if False else loud("b"))
x = 7
label = "even" if x % 2 == 0 else "odd"
print(x, label)
print((1 if x > 5 else 2) + 10)
