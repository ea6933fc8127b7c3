# Backslash continuations, a comment between operands and tab indentation inside a
# multi-line span.
a = 1
b = 0


def tabbed():
	return divmod(
		a,
		b)


try:
    y = a / \
        b
except ZeroDivisionError:
    try:
        y = (a  # comment / here
             / b)
    except ZeroDivisionError:
        tabbed()
