# gcstress: skip (prints gc.collect() results, which change when collections run at every safe point)
# Reference cycles of every shape are found by gc.collect(), which returns the number
# of unreachable objects, as CPython 3.13 counts them.
import gc

gc.collect()

l = []
l.append(l)
del l
print("self list", gc.collect())

d = {}
d["me"] = d
del d
print("self dict", gc.collect())

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("two nodes", gc.collect())

def ring(n):
    first = Node(0)
    cur = first
    for i in range(1, n):
        nxt = Node(i)
        cur.other = nxt
        cur = nxt
    cur.other = first

ring(100)
print("ring of 100", gc.collect())

def closure_cycle():
    def f():
        return f
    return f

closure_cycle()
print("closure", gc.collect())

class C:
    def method(self):
        return 1

c = C()
c.bound = c.method
del c
print("bound method", gc.collect())

def local_class():
    class Local:
        pass
    Local.me = Local()
    return Local

local_class()
print("local class", gc.collect() > 0)

t = ([],)
t[0].append(t)
del t
print("tuple/list", gc.collect())

x = [1, 2, 3]
y = {"x": x}
x.append(y)
del x, y
print("list/dict", gc.collect())

def gen():
    me = yield
    yield me

g = gen()
next(g)
g.send(g)
del g
print("generator", gc.collect())

s = Node("s")
s.attrs = {"s": s}
del s
print("instance dict", gc.collect())

print("nothing left", gc.collect())
