# Traceback through a generator and a yield from chain, ending uncaught.
def source():
    yield 1
    yield 2
    raise ValueError("source exhausted badly")

def relay():
    total = 0
    for v in source():
        total += v
        yield total

def consume():
    return list(relay())

print("start")
consume()
