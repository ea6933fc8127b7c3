# typing: annotations with the typing names run; aliases print as in CPython.
from typing import List, Dict, Optional, Union, Any, Callable, Tuple, Set, TypeVar, Generic, NamedTuple, TypedDict, Iterable, Iterator, Literal, cast, overload, Sequence, Protocol, ClassVar, Final, NewType, get_type_hints, DefaultDict, Deque, Counter
import typing
print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None], Optional[Union[int, str]], Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Any)
print(Union[int], Union[int, int, str], Literal['a', 1], ClassVar[int], List, typing.Iterable[int], Sequence[str], Dict[str, List[int]])
T = TypeVar('T')
print(T, TypeVar('U', bound=int), List[T])
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int](); s.push(1); s.push(2); print(s.pop(), s.items)
class Point(NamedTuple):
    x: int
    y: int = 0
    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4); print(p, p.dist(), Point(1), p._fields, Point.__annotations__, isinstance(p, tuple))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1999); print(m, m['name'])
def f(a: int, b: Optional[str] = None) -> List[int]: return [a]
print(f(1), get_type_hints(f), cast(int, 'x'), List[int] == List[int])
UserId = NewType('UserId', int); print(UserId(5), UserId)
print(isinstance([], List), isinstance({}, typing.Mapping), typing.TYPE_CHECKING)
class Greeter(Protocol):
    def greet(self) -> str: ...
x: Final = 5
print(x)
