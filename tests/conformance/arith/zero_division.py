# ZeroDivisionError messages.
tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.5 % 0.0,
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: pow(2, -1, 4),
]
for t in tests:
    try:
        t()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    except ValueError as e:
        print("ValueError:", e)
