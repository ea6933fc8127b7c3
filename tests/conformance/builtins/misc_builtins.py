# chr, ord, bin, oct, hex, any, all, callable, isinstance with None.
print(chr(65), chr(97), chr(8364), chr(128512), ord("A"), ord("€"), ord("😀"))
print(bin(10), oct(10), hex(10), bin(-3), hex(0), oct(64))
print(any([]), any([0, "", None]), any([0, 1]), all([]), all([1, "x"]), all([1, 0]))
print(callable(len), callable(lambda: 1), callable(1), callable(int), callable("s"))
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(255, "x"))
print(divmod(7, 2), pow(3, 3), max(range(5)), min("zyx"))
