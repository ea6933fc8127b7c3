# object.__reduce_ex__ of a slotted object: copyreg.__newobj__ with the slot values in the
# state (what pickle uses).


class Two:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


r = Two().__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2])
