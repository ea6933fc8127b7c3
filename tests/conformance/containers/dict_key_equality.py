# dict lookups with tuple/float keys, equal-hash keys, and __eq__ side effects
d = {}
for a in range(30):
    for b in range(5):
        d[(a, b)] = a * b
print(d[(3, 4)], d.get((29, 4)), (30, 0) in d, len(d))
d[(1.5, 'x')] = 'f'
print(d[(1.5, 'x')], d.get((1.5, 'y')))
d[1] = 'one'
print(d[1.0], d.get(True), 1.0 in d)
nan = float('nan')
d[nan] = 'nan'
print(d.get(nan), d.get(float('nan')))
t = (nan,)
d[t] = 'tn'
print(d.get(t), d.get((nan,)), d.get((float('nan'),)))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, o):
        print('eq', self.v, getattr(o, 'v', o))
        return isinstance(o, K) and o.v == self.v
e = {}
for i in range(4):
    e[K(i)] = i
print(e[K(2)])
print(K(9) in e)
print(e.get((K(1),)))
e[(K(1),)] = 'tup'
print(e[(K(1),)])
print({(1, (2, (3, 'a'))): 1}[(1, (2, (3, 'a')))])
print({-1: 'm'}.get(-1), {(-1, -2): 0}.get((-1, -2)))
