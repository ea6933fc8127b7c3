# The VM runs `LOAD_FAST x; LOAD_CONST c; BINARY_OP; STORE_FAST y` and
# `LOAD_FAST x; LOAD_ATTR name; STORE_FAST y` as one step each. Errors must point at
# the instruction that failed, user-defined operators must see the operands as the
# stack would hold them, and a jump into the middle of a run must still work.
import sys

def show(exc):
    tb = exc.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(type(exc).__name__, exc, "line", tb.tb_lineno)

def add_overflow_to_big(n):
    n += 1
    return n

print(add_overflow_to_big(2**62), add_overflow_to_big(-1), add_overflow_to_big(True))

def add_to_str(s):
    t = s + 1
    return t

def minus_unbound():
    if False:
        x = 0
    y = x - 1
    return y

def div_zero(x):
    y = x // 0
    return y

def parent_missing(p):
    p = p.parent
    return p

class P:
    @property
    def parent(self):
        raise KeyError("inside property")

class Node:
    def __init__(self, parent):
        self.parent = parent

for f, args in [(add_to_str, ("a",)), (minus_unbound, ()), (div_zero, (7,)),
                (parent_missing, (object(),)), (parent_missing, (P(),))]:
    try:
        f(*args)
    except Exception as e:
        show(e)

# The left operand as the stack holds it: the run must show a user-defined operator
# the same reference count as the unfused sequence (a local right operand).
seen = []
class Counted:
    def __add__(self, other):
        seen.append(sys.getrefcount(self))
        return self
    def __iadd__(self, other):
        seen.append(sys.getrefcount(self))
        return 42

def fused(c):
    d = c + 5
    c += 6
    return d, c

def unfused(c, five, six):
    d = c + five
    c += six
    return d, c

r = fused(Counted())
print(type(r[0]).__name__, r[1])
unfused(Counted(), 5, 6)
print("same refcounts:", seen[:2] == seen[2:], len(seen))

# A result replacing the local that held the left operand releases it after the
# operation, as STORE_FAST does.
class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def __sub__(self, other):
        print("sub", self.name, other)
        return Loud(self.name + "'")

def rebind(x):
    x = x - 1
    print("after rebind")
    return x

print(rebind(Loud("a")).name)

# Walking parent pointers, and floats and strings through the same run.
def depth(node):
    d = 0
    p = node
    while p is not None:
        d += 1
        p = p.parent
    return d

n = None
for i in range(5):
    n = Node(n)
print(depth(n), depth(None))

def mix(x, s):
    x *= 2.5
    s += "!"
    y = x - 0.5
    return x, s, y

print(mix(2, "hi"))

# A jump to the `LOAD_CONST` of a run: `a if c else b` puts the target inside.
def cond_store(c, v):
    w = v if c else 3
    w = w + 1
    return w

print(cond_store(True, 10), cond_store(False, 10))

def loop_tail(n):
    i = 0
    while i < n:
        i = i + 1
    return i

print(loop_tail(4))
