# A class statement spread over several lines (bases, keywords) raises in
# __init_subclass__: the whole statement, header and body, is shown.
class Base:
    def __init_subclass__(cls, *, tag, **kwargs):
        super().__init_subclass__(**kwargs)
        if not tag.isidentifier():
            raise ValueError(f"bad tag {tag!r} for {cls.__name__}")
        cls.tag = tag


class Good(Base, tag="ok"):
    pass


print(Good.tag)


class Bad(
    Base,
    tag="not ok",
):
    x = 1

    def method(self):
        return self.x
