# A subscript whose index spans lines raises KeyError.
table = {"alpha": 1, "beta": 2}


def lookup(key):
    return table[
        key.lower()
    ] + 1


print(lookup("ALPHA"))
print(lookup("Gamma"))
