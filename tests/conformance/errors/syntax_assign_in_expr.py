# A statement where an expression is required.
x = (y = 1)
