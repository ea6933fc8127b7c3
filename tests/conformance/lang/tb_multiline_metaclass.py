# A metaclass refuses a class whose statement spans lines; the class statement sits in a
# function, so the lines are dedented as a block.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        if "forbidden" in ns:
            raise TypeError(f"{name} may not define 'forbidden'")
        return super().__new__(mcls, name, bases, ns)


def make():
    class Fine(metaclass=Meta):
        pass

    print(Fine.__name__)

    class Broken(metaclass=Meta,
                 ):
        forbidden = True
    return Broken


make()
