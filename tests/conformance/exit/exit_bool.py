# sys.exit(True) exits with status 1.
import sys
sys.exit(True)
