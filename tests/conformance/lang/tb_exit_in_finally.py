# SystemExit raised in a finally block replaces the pending exception: no traceback.
import sys
try:
    raise ValueError("pending")
finally:
    print("cleaning up")
    sys.exit(4)
