# Unicode text: lengths are in code points; case mapping beyond ASCII.
words = ["café", "naïve", "straße", "ΑΒΓ", "日本", "😀👍"]
for w in words:
    print(w, len(w), w.upper(), w.lower(), ord(w[0]))
print("ß".upper(), "İ".lower() == "i̇", "ǅ".title(), "Σ".lower())
print("é" == "\u00e9", "e\u0301" == "é", len("e\u0301"))
print(chr(0x1F600), hex(ord("€")), "\u20ac")
print("ÀÉÎ".casefold(), "Straße".casefold() == "strasse")
print(sorted(["b", "á", "a", "B"]), "z" < "é")
print("١٢٣".isdigit(), "Ⅻ".isnumeric(), "ⅻ".isalpha(), "中".isalpha())
