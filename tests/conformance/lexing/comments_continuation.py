# Comments, blank lines, explicit and implicit line joining, semicolons.

x = 1  # a trailing comment
# a full-line comment between statements

y = 2; z = 3; print(x, y, z)

total = 1 + \
        2 + \
        3
print(total)

items = [
    1,   # first
    2,
    3,   # trailing comma follows
]
print(items)

call = max(
    4,
    9,
    2
)
print(call)

text = ("implicit "
        "concatenation "   # comments inside brackets are fine
        "across lines")
print(text)

if x == 1 and \
   y == 2:
    print("joined condition")

	# a comment indented with a tab is ignored
print("done")
