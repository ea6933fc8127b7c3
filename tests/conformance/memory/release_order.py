# The order in which objects are released: a call's temporaries afterwards, the
# items of a dying container, a cleared list.
class D:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "D%d" % self.n

    def __del__(self):
        print("del", self.n)


def f(a, b, c):
    return None


class K:
    def m(self, a, b):
        return None


print("builtin")
print(D(1), D(2), D(3))
print("python function")
f(D(4), D(5), D(6))
print("method")
K().m(D(7), D(8))
print("method descriptor")
"{} {}".format(D(9), D(10))
print("isinstance")
isinstance(D(11), D)
print("len of a list of temporaries")
len([D(12), D(13)])
print("class call")
class P:
    def __init__(self, a, b):
        pass
for _ in range(3):
    P(D(14), D(15))
print("list.append dropped")
[].append(D(16))
print("max")
max(D(17).n, D(18).n)

# Containers and instances dying.
print("list"); x = [D(1), D(2), D(3)]; del x
print("tuple"); x = (D(4), D(5), D(6)); del x
print("dict"); x = {1: D(7), 2: D(8)}; del x
print("set"); x = {D(9)}; del x
print("instance")
class O: pass
o = O(); o.a = D(10); o.b = D(11); del o
print("slots")
class S:
    __slots__ = ("a", "b")
s = S(); s.a = D(12); s.b = D(13); del s
print("list clear"); x = [D(14), D(15)]; x.clear()
print("slice del"); x = [D(16), D(17), D(18)]; del x[0:2]
print("list assign"); x = [D(19), D(20)]; x[:] = []
print("done")
