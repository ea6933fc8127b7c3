# list.pop converts its index (running __index__) before looking at the list.
l = [1, 2, 3]
class Grow:
    def __index__(self):
        l.append(9)
        return 0
print(l.pop(Grow()), l)
e = []
class Fill:
    def __index__(self):
        e.extend("ab")
        return -1
print(e.pop(Fill()), e)
class Bad:
    def __index__(self):
        raise ValueError("no index")
try:
    [].pop(Bad())
except ValueError as exc:
    print("ValueError", exc)
try:
    [1].pop(5)
except IndexError as exc:
    print("IndexError", exc)
try:
    [].pop()
except IndexError as exc:
    print("IndexError", exc)
