# Snapshots: statistics by line, file and traceback, compare_to, filter_traces, and the
# attribution of allocations to the Python line (and caller lines) that made them.
import tracemalloc
import os
ME = "tracemalloc_stats.py"; N = 3000

class Point:
    __slots__ = ("x", "y")   # no instance dict: implementations differ there
    def __init__(self, x):
        self.x = x
        self.y = [x]

def make_points(n):
    out = []
    for i in range(n):
        out.append(Point(i))
    return out

def outer(n):
    return make_points(n)

def short(frame):
    return (os.path.basename(frame.filename), frame.lineno)

tracemalloc.start(4)
points = outer(N)
blobs = [bytes(1500) * 2 for _ in range(1000)]
snap1 = tracemalloc.take_snapshot()
del points
snap2 = tracemalloc.take_snapshot()
tracemalloc.stop()              # the analysis below need not be traced

mine = snap1.filter_traces([tracemalloc.Filter(True, "*" + ME)])
stats = mine.statistics("lineno")
print("top line:", short(stats[0].traceback[0]))
print("lines with count >= N:", sorted(s.traceback[0].lineno for s in stats if s.count >= N))
by_line = {s.traceback[0].lineno: s for s in stats}
print("line 27 size > 3 MB:", by_line[27].size > 3_000_000, "count >= 1000:", by_line[27].count >= 1000)
print("line 11 (the list in __init__) count >= N:", by_line[11].count >= N)
print("line 16 (Point(i)) count >= N:", by_line[16].count >= N)
print("sorted by size:", all(a.size >= b.size for a, b in zip(stats, stats[1:])))

files = mine.statistics("filename")
print("filename stat:", short(files[0].traceback[0]), len(files))
print("whole file at least line 27:", files[0].size >= by_line[27].size)

tbs = mine.statistics("traceback")
deep = [s for s in tbs if len(s.traceback) == 4]
chain = max(deep, key=lambda s: s.count)
print("deepest chain:", [short(f) for f in chain.traceback], chain.count >= N)
print("total_nframe of a trace:", max(t.traceback.total_nframe for t in mine.traces))

cum = mine.statistics("lineno", cumulative=True)
cum_lines = {s.traceback[0].lineno for s in cum}
print("cumulative has callers:", {16, 20, 26} <= cum_lines)
cum_by = {s.traceback[0].lineno: s for s in cum}
print("caller line covers callee:", cum_by[26].size >= by_line[11].size + by_line[16].size)

only27 = mine.filter_traces([tracemalloc.Filter(True, "*" + ME, lineno=27)])
print("filter by line:", {t.traceback[0].lineno for t in only27.traces})
not27 = mine.filter_traces([tracemalloc.Filter(False, "*" + ME, lineno=27)])
print("exclude line:", 27 in {t.traceback[0].lineno for t in not27.traces}, len(not27.traces) + len(only27.traces) == len(mine.traces))
any_frame = mine.filter_traces([tracemalloc.Filter(True, "*" + ME, lineno=20, all_frames=True)])
print("all_frames finds callers:", len(any_frame.traces) >= 2 * N)
print("domain filter:", len(mine.filter_traces([tracemalloc.DomainFilter(True, 0)]).traces) == len(mine.traces), len(mine.filter_traces([tracemalloc.DomainFilter(False, 0)]).traces))

snap2 = snap2.filter_traces([tracemalloc.Filter(True, "*" + ME)])
diff = snap2.compare_to(mine, "lineno")
d = {s.traceback[0].lineno: s for s in diff}
print("freed lines shrink:", d[16].size_diff < -100_000, d[16].size, d[16].count, d[16].count_diff <= -N)
print("kept line unchanged:", d[27].size_diff, d[27].count_diff)
print("biggest change first:", abs(diff[0].size_diff) >= abs(diff[-1].size_diff), diff[0].traceback[0].lineno in (11, 16))
s = str(d[16])
print("diff text:", s.startswith(ME + ":16: size=0 B (-") or "/" + ME + ":16: size=0 B (-" in s, ", count=0 (-" in s)
print("stat text:", "KiB, count=" in str(by_line[27]) or "MiB, count=" in str(by_line[27]), ", average=" in str(by_line[27]))
