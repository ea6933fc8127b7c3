# The VM runs `LOAD_CONST; LOAD_FAST` and `LOAD_FAST; POP_JUMP_IF_*` as one step (the local
# tested in its slot), and does not pair an instruction that a jump lands on with the one
# before it, so a loop's head pairs with what follows. Results and error locations must
# be what CPython prints.

class Node:
    def __init__(self, parent):
        self.parent = parent

def depth(n):
    d = 0
    p = n
    while p is not None:
        d += 1
        p = p.parent
    return d

chain = None
for _ in range(5):
    chain = Node(chain)
print(depth(chain), depth(None))

def drain(items):
    out = []
    stack = list(items)
    while stack:
        out.append(stack.pop())
    return out
print(drain([1, 2, 3]), drain([]))

def pick(x):
    if x:
        return "truthy"
    return "falsy"

class Len:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class BadBool:
    def __bool__(self):
        raise ValueError("no truth")

class WrongBool:
    def __bool__(self):
        return 1

class Dropper:
    # __bool__ drops every other reference: the frame's slot still holds the object.
    holder = []
    def __bool__(self):
        Dropper.holder.clear()
        return True

def show(exc):
    tb = exc.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(type(exc).__name__, exc, "line", tb.tb_lineno)

Dropper.holder.append(Dropper())
values = [0, 1, "", "a", [], [0], None, 0.0, Len(0), Len(2), Dropper.holder[0]]
print([pick(v) for v in values])
for bad in [BadBool(), WrongBool(), Len(-1)]:
    try:
        print(pick(bad))
    except Exception as e:
        show(e)

def not_none(x):
    if x is not None:
        return "set"
    return "unset"
print(not_none(0), not_none(None))

def until_true(x):
    n = 0
    while not x:
        n += 1
        x = n > 3
    return n
print(until_true(False), until_true(True))

def unbound_test():
    if False:
        x = 1
    if x:
        return 1

def unbound_const_pair():
    if False:
        y = 1
    return 2 * y

def double(v):
    if isinstance(v, str):
        return 2 * v, "<" + v
    return 2 * v, 1 + v
print(double(3), double("s"))

for f in [unbound_test, unbound_const_pair]:
    try:
        f()
    except Exception as e:
        show(e)

def loop_head_after_store(n):
    # `i = n` then the loop's head `while i:`: the head is a jump target, so it pairs
    # with its jump, not with the store before it.
    i = n
    total = 0
    while i:
        total += i
        i -= 1
    return total
print(loop_head_after_store(4))

def last(x, b):
    while x:
        x = x - 1
    if x is None:
        return "none"
    if b:
        return "unreachable"
last(3, BadBool())
