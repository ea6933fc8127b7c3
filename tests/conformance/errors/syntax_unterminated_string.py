# An unterminated string literal.
name = "ann
print(name)
