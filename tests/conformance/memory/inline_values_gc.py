# gcstress: skip (prints gc.collect() results, which change when collections run at every safe point)
# Cycles through inline values, through a materialized __dict__ held only by its owner,
# and gc.get_referents.
import gc

gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print(gc.collect())

a = Node("a")
b = Node("b")
a.__dict__
a.other = b
b.other = a
a.extra = [b]
del a, b
print(gc.collect())

self_ref = Node("self")
self_ref.other = self_ref
del self_ref
print(gc.collect())

n = Node("r")
n.other = [1]
refs = gc.get_referents(n)
print(sorted(type(r).__name__ for r in refs))

# A chain of many instances frees without recursion trouble.
head = None
for i in range(100000):
    x = Node(i)
    x.other = head
    head = x
del head, x
print(gc.collect())

class Holder:
    pass

h = Holder()
h.items = [h]
h2 = Holder()
h2.__dict__
h2.me = h2
del h, h2
print(gc.collect())
