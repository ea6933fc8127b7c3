# Default values are evaluated once, when the def statement runs.
def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))

start = 10
def uses_start(x=start):
    return x
start = 20
print(uses_start())
