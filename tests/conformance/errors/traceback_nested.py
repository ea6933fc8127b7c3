# An uncaught exception in nested calls: the traceback goes to stderr, exit status 1.
def parse(text):
    return int(text)

def load(values):
    total = 0
    for v in values:
        total += parse(v)
    return total

def main():
    print("loading")
    print(load(["1", "2"]))
    print(load(["3", "four"]))
    print("not reached")

main()
