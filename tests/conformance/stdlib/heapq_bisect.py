# heapq and bisect (heap layout and results as CPython).
import heapq, bisect, random
random.seed(3)
data = [random.randrange(100) for _ in range(30)]
h = list(data); heapq.heapify(h); print(h)
for x in [5, 50, 1, 77]: heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heapreplace(h, 60), heapq.heappushpop(h, 0), heapq.heappushpop(h, 99), h)
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(3, data), heapq.nsmallest(4, data), heapq.nlargest(2, ['bb', 'a', 'ccc'], key=len), heapq.nsmallest(2, [(1,'b'),(1,'a'),(0,'z')], key=lambda t: t[0]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge(['a', 'cc'], ['bb'], key=len)), list(heapq.merge([3, 1], [2], reverse=True)))
try: heapq.heappop([])
except IndexError as e: print(e)
try: heapq.heappush((), 1)
except TypeError as e: print(e)
a = [1, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 10), bisect.bisect_left(a, 3, key=None))
bisect.insort(a, 4); bisect.insort_left(a, 2); print(a)
print(bisect.bisect_left([(1,'a'),(3,'b')], 2, key=lambda t: t[0]))
try: bisect.bisect([], 1, -1)
except ValueError as e: print(e)
pq = []
for p, t in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'aa')]: heapq.heappush(pq, (p, t))
print(pq, [heapq.heappop(pq) for _ in range(4)])
