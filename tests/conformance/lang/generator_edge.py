# Generators: finally/with inside generators, early exit, generator expressions'
# eager first iterable, generators as coroutines, chained yield from returns.
class Res:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *a):
        print("close", self.name, a[0].__name__ if a[0] else None)
        return False

def reader():
    with Res("file"):
        yield 1
        yield 2
    print("after with")
for v in reader():
    print("got", v)
g = reader()
print(next(g))
g.close()
print("closed explicitly")

def eager():
    print("evaluating iterable")
    return range(3)
ge = (x * 2 for x in eager())
print("genexpr created")
print(list(ge))
try:
    bad = (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)

def level3():
    yield "l3"
    return "r3"
def level2():
    r = yield from level3()
    yield f"l2 saw {r}"
    return "r2"
def level1():
    r = yield from level2()
    yield f"l1 saw {r}"
print(list(level1()))

def averager():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            break
        total += term
        count += 1
        avg = total / count
    return (count, avg)
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, values in [("a", [1, 2, 3]), ("b", [10, 20])]:
    gr = grouper(results, key)
    next(gr)
    for v in values:
        gr.send(v)
    gr.send(None)
print(results)

def gen_with_exception():
    try:
        yield 1
        raise ValueError("inside generator")
    except ValueError as e:
        yield f"handled {e}"
    yield "end"
print(list(gen_with_exception()))

def infinite():
    n = 0
    while True:
        yield n
        n += 1
it = infinite()
print([next(it) for _ in range(5)], next(it))

def gen_args(a, *rest, key="k"):
    yield a
    yield rest
    yield key
print(list(gen_args(1, 2, 3, key="z")))

def stop_early():
    yield 1
    return
    yield 2
print(list(stop_early()))
gen = (i for i in range(3))
print(sum(gen), sum(gen))
print(list(zip((c for c in "ab"), (n for n in range(10)))))
def nested_gen():
    for i in range(3):
        yield (j for j in range(i))
print([list(g) for g in nested_gen()])
