# SystemExit with a string: printed to stderr, status 1.
import sys
def main():
    raise SystemExit("fatal: configuration missing")
main()
