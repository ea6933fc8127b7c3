# *args and **kwargs, and unpacking at call sites.
def collect(*args, **kwargs):
    return args, kwargs

print(collect())
print(collect(1, 2, 3))
print(collect(a=1, b=2))
print(collect(1, x="y"))

def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))

def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3, 4))

args = [1, 2, 3]
opts = {"sep": "-", "end": "!\n"}
print(*args, **opts)
print(collect(*args, *"ab", k=1, **{"z": 26}))
print(total(*range(5)))

def keyword_order(**kw):
    for k in kw:
        print(k, kw[k])
keyword_order(zeta=1, alpha=2, mid=3)
