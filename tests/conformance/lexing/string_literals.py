# String literal forms: quotes, triple quotes, escapes, raw strings, concatenation.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab:\t|newline:\n|backslash:\\|bell-free")
print("\x41\x42\x43", "\101\102\103", "\u00e9\u4e2d", "\U0001F600")
print("\0" == "\x00", len("\0"), len("\x00\x01"))
print(r"raw \n stays", R"raw \t too", r'\d+\.\d*')
print("adjacent " 'literals ' """are joined""")
multi = """line one
line two
    indented line three"""
print(multi)
print("""ends with backslash-newline \
continued""")
print(len(""), len(''), len(""""""))
print('unicode: é ñ ü ß 中文 😀')
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{GREEK SMALL LETTER ALPHA}")
