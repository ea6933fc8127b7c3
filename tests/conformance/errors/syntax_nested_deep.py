# A syntax error inside a nested block, deep in the file.
def outer():
    def inner():
        for i in range(3):
            if i:
                print(i +)
    return inner
