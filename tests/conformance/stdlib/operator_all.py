# operator: the functions, itemgetter/attrgetter/methodcaller, in-place variants.
import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10), op.neg(3), op.not_(0), op.truth([]))
print(op.eq(1, 1), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2))
print(op.getitem([1, 2, 3], 1), op.index(5), op.concat([1], [2]), op.abs(-3), op.and_(6, 3), op.or_(4, 1), op.xor(5, 1), op.inv(5), op.lshift(1, 3), op.rshift(8, 2))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'))
ig = op.itemgetter(1); print(ig([5, 6]), op.itemgetter(0, 2)('abc'), ig, op.itemgetter('a', 'b'))
class A: pass
a = A(); a.b = A(); a.b.c = 7; a.x = 1
print(op.attrgetter('b.c')(a), op.attrgetter('x', 'b.c')(a), op.attrgetter('b.c'), op.attrgetter('x', 'y'))
mc = op.methodcaller('split', ',', maxsplit=1); print(mc('a,b,c'), mc, op.methodcaller('upper')('x'))
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iadd(1, 2), op.imul([1], 2), op.isub(5, 1), op.ior({1}, {2}), op.iconcat([1], [3]))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
try: op.concat(1, 2)
except TypeError as e: print(e)
try: op.index(1.5)
except TypeError as e: print(e)
print(op.length_hint([1, 2]), op.__add__(1, 1), op.call(len, 'ab'))
