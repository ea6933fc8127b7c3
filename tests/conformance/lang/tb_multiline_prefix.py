# The span's first line has code before it (an assignment target, an earlier call on the
# same line), and its last line code after it.
def check(value, limit):
    if value > limit:
        raise OverflowError(f"{value} > {limit}")
    return value


def run(items):
    out = []
    for it in items:
        out.append(it); total = check(it,
                                      3) + check(
            it * 2, 10); out.append(total)
    return out


print(run([1, 2]))
print(run([4]))
