# Indexing, slicing, iteration, concatenation and immutability of str.
s = "python"
print(s[0], s[-1], s[1:4], s[:2], s[2:], s[::2], s[::-1], s[-3:], s[4:100], repr(s[10:]))
print(len(s), s * 2, s + "!", "py" in s, s < "pythons", s == "py" + "thon")
for ch in "abc":
    print(ch, ord(ch))
word = ""
for ch in reversed("stressed"):
    word += ch
print(word)
try:
    s[0] = "P"
except TypeError as e:
    print("TypeError:", e)
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
print("é"[0], len("héllo"), "héllo"[1:3], "日本語"[::-1], len("😀"))
print(str(123)[::-1], "-" * 10, "a" "b" "c")
