# Generator functions: yield, yield from, send, return values, close.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g), next(g, "exhausted"))
def delegating():
    yield "start"
    result = yield from inner()
    yield "inner returned " + str(result)
def inner():
    yield 1
    yield 2
    return 99
print(list(delegating()))
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
acc = accumulator()
print(next(acc), acc.send(10), acc.send(5))
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleaned up")
gen = with_cleanup()
print(next(gen))
gen.close()
print(type(count_up(1)).__name__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
