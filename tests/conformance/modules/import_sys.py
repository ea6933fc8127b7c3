# A few attributes of the sys module.
import sys
print(sys.version_info[:2] == (3, 13), sys.version_info.major, sys.version_info >= (3, 8))
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(type(sys.argv).__name__, type(sys.path).__name__, "sys" in sys.modules)
print(sys.stdout is not None, sys.stderr is not None, hasattr(sys, "exit"))
print(type(sys.modules).__name__, sys.modules["sys"] is sys, __name__)
