# str() of an exception with several arguments is the str() of the args tuple.
raise ValueError("a", 1, [2])
