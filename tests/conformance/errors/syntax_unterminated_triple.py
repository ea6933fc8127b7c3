# An unterminated triple-quoted string.
print("a")
text = """starts here
and never ends
