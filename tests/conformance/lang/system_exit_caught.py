# SystemExit can be caught; its code attribute; exit(None) is status 0.
import sys
for arg in (None, 0, 5, "msg", (1, 2)):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e), e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print(e.code)
try:
    exit(7)
except SystemExit as e:
    print("exit()", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    try:
        sys.exit(2)
    except Exception:
        print("not caught by Exception")
except SystemExit:
    print("caught by SystemExit")
sys.exit(None)
