# if / elif / else, nested conditions and truthiness of conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 3, 42]:
    print(n, classify(n))

for value in [0, 1, "", "x", [], [0], None, 0.0]:
    if value:
        print(repr(value), "is truthy")
    else:
        print(repr(value), "is falsy")

x = 5
if x > 0:
    if x % 2:
        print("positive odd")
    else:
        print("positive even")
if x: print("one-line if")
if not x: pass
else: print("one-line else")
