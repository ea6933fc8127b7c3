# raise ... from None hides the context.
def get(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("missing " + k) from None

get({}, "x")
