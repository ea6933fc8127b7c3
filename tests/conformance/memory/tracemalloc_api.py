# tracemalloc's control functions: start/stop/is_tracing, the traceback limit, traced
# memory and peak, clear_traces, reset_peak, and the errors of bad calls. Byte counts
# differ between implementations, so only relations over real thresholds are printed.
import tracemalloc

print("off:", tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
print("limit before start:", tracemalloc.get_traceback_limit())
print("traces when off:", tracemalloc._get_traces())

for bad in (0, -1, 65536, "x", 2**40):
    try:
        tracemalloc.start(bad)
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("still off:", tracemalloc.is_tracing())

try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)

tracemalloc.start(5)
print("on:", tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(2)            # already tracing: the limit stays
print("second start keeps limit:", tracemalloc.get_traceback_limit())
print("own memory counted:", tracemalloc.get_tracemalloc_memory() > 0)

base, _ = tracemalloc.get_traced_memory()
blocks = [bytearray(1000) for _ in range(2000)]
cur, peak = tracemalloc.get_traced_memory()
print("grew by > 2 MB:", cur - base > 2_000_000, "peak >= current:", peak >= cur)
del blocks
after_del, peak2 = tracemalloc.get_traced_memory()
print("dropped after del:", cur - after_del > 1_900_000, "peak kept:", peak2 >= cur)

tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print("reset_peak:", peak3 < peak2, peak3 - cur3 < 100_000)
tmp = [bytearray(1000) for _ in range(1000)]
del tmp
cur4, peak4 = tracemalloc.get_traced_memory()
print("new peak from temporaries:", peak4 - cur4 > 900_000)

keep = [bytearray(1000) for _ in range(1000)]
tracemalloc.clear_traces()
cur5, peak5 = tracemalloc.get_traced_memory()
print("clear_traces forgets old blocks:", cur5 < 100_000, peak5 < 100_000)
del keep
print("freeing untraced blocks is harmless:", tracemalloc.get_traced_memory()[0] < 100_000)

survivors = [bytearray(1000) for _ in range(500)]   # line 51: still alive after stop
tracemalloc.stop()
print("stopped:", tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc._get_traces())
tracemalloc.stop()              # stopping twice is fine
tracemalloc.clear_traces()      # so is clearing while off
tracemalloc.reset_peak()

tracemalloc.start()
print("default limit:", tracemalloc.get_traceback_limit())
snap = tracemalloc.take_snapshot()
print("snapshot limit:", snap.traceback_limit)
print("restart forgot live blocks:", 51 not in {t.traceback[0].lineno for t in snap.traces}, sum(t.size for t in snap.traces) < 100_000)
tracemalloc.stop()
