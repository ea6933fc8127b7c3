# Assignment expressions.
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list of", n)
i = 0
while (chunk := data[i:i + 2]):
    print(chunk)
    i += 2
print([y for x in data if (y := x * 2) > 10])
