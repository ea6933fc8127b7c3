"""Operating-system interfaces (pyglass): the portable core of CPython's `os` over the
`posix` built-in module."""

import sys
import posix as _posix
import posixpath as path
from posix import (getcwd, chdir, listdir, mkdir, rmdir, remove, unlink, rename, replace,
                   getpid, urandom, cpu_count, strerror, _exit)

sys.modules["os.path"] = path

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
devnull = "/dev/null"
defpath = "/bin:/usr/bin"
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

error = OSError


class _Environ(dict):
    """`os.environ`: the environment at start-up (changes stay in this process)."""

    def __repr__(self):
        return f"environ({dict.__repr__(self)})"

    def copy(self):
        return dict(self)


environ = _Environ(_posix._environ())


def getenv(key, default=None):
    return environ.get(key, default)


def getcwdb():
    return getcwd().encode()


class PathLike:
    """Abstract base class for objects with `__fspath__`."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__fspath__") or NotImplemented


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    r = f(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError(f"expected {type(p).__name__}.__fspath__() to return str or bytes, not {type(r).__name__}")
    return r


class stat_result(tuple):
    """The result of os.stat(): a 10-tuple with named fields."""

    n_sequence_fields = 10
    _names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
              "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, values):
        values = tuple(values)
        ints = tuple(int(v) if i >= 7 else v for i, v in enumerate(values))
        self = tuple.__new__(cls, ints)
        self._floats = values[7:10]
        return self

    @property
    def st_mode(self): return self[0]
    @property
    def st_ino(self): return self[1]
    @property
    def st_dev(self): return self[2]
    @property
    def st_nlink(self): return self[3]
    @property
    def st_uid(self): return self[4]
    @property
    def st_gid(self): return self[5]
    @property
    def st_size(self): return self[6]
    @property
    def st_atime(self): return self._floats[0]
    @property
    def st_mtime(self): return self._floats[1]
    @property
    def st_ctime(self): return self._floats[2]

    def __repr__(self):
        fields = ", ".join(f"{n}={v}" for n, v in zip(self._names, tuple(self)))
        return f"os.stat_result({fields})"


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_posix._stat(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(_posix._stat(path, False))


def access(path, mode):
    try:
        _posix._stat(path)
    except OSError:
        return False
    return True


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a directory and any missing parents."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) for each directory."""
    top = fspath(top)
    try:
        names = sorted(listdir(top))
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for n in names:
        if path.isdir(path.join(top, n)):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, nondirs
