# A non-int, non-None code is printed with str() to stderr; status 1.
import sys
sys.exit(["error", 42])
