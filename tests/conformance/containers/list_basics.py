# Lists: indexing, slicing, mutation methods, operators.
a = [10, 20, 30, 40, 50]
print(a[0], a[-1], a[1:3], a[:2], a[3:], a[::2], a[::-1], a[-2:], a[1:-1], a[10:])
a.append(60)
a.extend([70, 80])
a.insert(0, 0)
a.insert(100, 99)
print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(40)
print(a, a.index(50), a.count(20), 20 in a, 25 in a, 25 not in a)
a.reverse()
print(a)
a.sort()
print(a)
b = [3, 1, 2]
b[1] = 100
b[0:2] = ["x", "y", "z"]
print(b)
b[1:3] = []
print(b)
b[:0] = [0, 0]
print(b)
del b[0]
print(b)
del b[::2]
print(b)
print([1, 2] + [3], [0] * 3, [[]] * 2, 2 * [1, 2])
grid = [[0, 0, 0], [0, 0, 0]]
grid[0][1] = 5
print(grid)
aliased = [[0] * 2] * 2
aliased[0][0] = 1
print(aliased)
c = a.copy()
c.clear()
print(a, c, len(a), len(c))
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1], [] == [])
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], len(nested))
print(max([3, 8, 1]), min([3, 8, 1]), sum([3, 8, 1]), sorted([3, 8, 1]))
lst = [5, 3]
lst += "ab"
print(lst)
