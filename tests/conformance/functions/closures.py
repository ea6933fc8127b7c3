# Closures capture variables, not values.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())

def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1))

def late_binding():
    funcs = []
    for i in range(3):
        def f():
            return i
        funcs.append(f)
    return funcs
results = []
for f in late_binding():
    results.append(f())
print(results)

def early_binding():
    funcs = []
    for i in range(3):
        def f(i=i):
            return i
        funcs.append(f)
    return funcs
results = []
for f in early_binding():
    results.append(f())
print(results)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())

def shared_cell():
    value = []
    def push(v):
        value.append(v)
    def get():
        return value
    return push, get
push, get = shared_cell()
push(1); push(2)
print(get())
