# The time module: only relations are printed, never times.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.02)
print(type(t0).__name__, t0 > 1_700_000_000, time.time() >= t0)
print(time.perf_counter() - p0 >= 0.015, time.monotonic() >= m0)
ns = time.time_ns()
print(type(ns).__name__, ns > 1_700_000_000 * 10 ** 9)
print(time.perf_counter_ns() > 0, time.monotonic_ns() > 0)
