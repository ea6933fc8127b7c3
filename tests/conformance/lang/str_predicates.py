# str.is* predicates.
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "١٢٣", "½", "²", "Ⅻ", " \t\n", "a b", "Hello World", "Hello world",
           "_id", "1id", "if", "ß", "ǅ", "é", "\x00", "\u200b", "abc\n", "A1", "ΑΒΓ", "a_b"]
preds = ["isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "islower", "isupper", "istitle",
         "isidentifier", "isprintable", "isascii"]
for s in samples:
    print(repr(s), "".join("1" if getattr(s, p)() else "0" for p in preds))
