# TypeError messages for calls that do not match the signature.
def f(a, b):
    return a + b
def g(a, /, b, *, c):
    return a
def h(*, key):
    return key
number = 1
text = "abc"

attempts = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, b=3),
    lambda: f(1, 2, c=3),
    lambda: f(),
    lambda: g(a=1, b=2, c=3),
    lambda: g(1, 2, 3),
    lambda: g(1, 2),
    lambda: h(1),
    lambda: h(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: number(2),
    lambda: text(),
]
for attempt in attempts:
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)
