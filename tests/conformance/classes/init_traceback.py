# An error raised inside __init__ entered by cls(...): the traceback shows the call
# line and the __init__ line, as CPython prints it.
class Node:
    def __init__(self, left, right):
        self.left = left
        self.total = left + right


def build(n):
    return Node(n, "x" if n == 3 else n)


nodes = []
for i in range(5):
    nodes.append(build(i))
