# while loops with break, continue and else.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
else:
    print("while ended normally")

n = 0
while True:
    n += 1
    if n >= 3:
        break
print("broke at", n)

k = 10
while k > 0:
    k -= 3
    if k == 4:
        print("found 4")
        break
else:
    print("no break, k =", k)

# Collatz steps for a few starting values.
for start in [6, 7, 27]:
    steps, v = 0, start
    while v != 1:
        v = v // 2 if v % 2 == 0 else 3 * v + 1
        steps += 1
    print(start, steps)
