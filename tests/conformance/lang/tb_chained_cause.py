# Uncaught exception with an explicit cause: both tracebacks, "direct cause" separator.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {s!r}") from e

def main():
    print("start")
    parse("12")
    parse("x1")

main()
