# Positional-only (/) and keyword-only (*) parameters, and all kinds together.
def pos_only(a, b, /, c):
    return a, b, c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))

def kw_only(a, *, b, c=3):
    return a, b, c
print(kw_only(1, b=2), kw_only(a=1, b=2, c=4))

def everything(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return a, b, c, args, d, e, kwargs
print(everything(1, d=4))
print(everything(1, 20, 30, 40, 50, d=4, f=6))
print(everything(1, c=33, d=44, e=55, zz=0))

def kw_name_clash(a, /, **kwargs):
    return a, kwargs
print(kw_name_clash(1, a=2))
