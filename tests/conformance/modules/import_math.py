# The math module: functions whose results are exact or correctly rounded.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.floor(-2.5), math.ceil(-2.5))
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.fabs(-4), math.copysign(3, -0.0))
print(math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(20), math.factorial(25))
print(math.isfinite(1.0), math.isinf(math.inf), math.isclose(0.1 + 0.2, 0.3))
print(math.hypot(3, 4), math.pow(2, 10), math.fmod(7, 3), math.fmod(-7, 3), math.modf(2.5))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
print(math.sin(0), math.cos(0), math.exp(0), math.log(1), math.log10(1000), math.log2(1024))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.dist([0, 0], [3, 4]))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
