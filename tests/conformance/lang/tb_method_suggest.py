# AttributeError on a built-in type's method name typo.
items = [1, 2, 3]
items.apend(4)
