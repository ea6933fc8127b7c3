# The order of try / except / else / finally clauses.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise RuntimeError("boom")
    except RuntimeError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(run(False))
print(run(True))

def finally_overrides():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")

print(finally_overrides())

def finally_in_loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out
print(finally_in_loop())

def exception_through_finally():
    try:
        try:
            raise ValueError("passes through")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught:", e)
exception_through_finally()

def return_value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
print(return_value_captured())
