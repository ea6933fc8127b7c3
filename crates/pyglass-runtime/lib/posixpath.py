"""Pathname operations on POSIX paths (pyglass): `os.path`."""

import posix as _posix

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename",
           "dirname", "commonprefix", "getsize", "getmtime", "exists", "lexists", "isdir",
           "isfile", "islink", "expanduser", "normpath", "abspath", "realpath",
           "relpath", "commonpath", "sep", "curdir", "pardir", "extsep", "altsep",
           "pathsep", "defpath", "devnull", "supports_unicode_filenames"]

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    return f(p)


def normcase(s):
    return _fspath(s)


def isabs(s):
    return _fspath(s).startswith("/")


def join(a, *p):
    """Join path components, restarting at each absolute component."""
    path = _fspath(a)
    for part in p:
        part = _fspath(part)
        if not isinstance(part, str):
            raise TypeError(f"join() argument must be str, bytes, or os.PathLike object, not '{type(part).__name__}'")
        if part.startswith("/"):
            path = part
        elif not path or path.endswith("/"):
            path = path + part
        else:
            path = path + "/" + part
    return path


def split(p):
    """(head, tail): tail is everything after the last slash."""
    p = _fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitdrive(p):
    return p[:0], _fspath(p)


def splitroot(p):
    p = _fspath(p)
    if not p.startswith("/"):
        return "", "", p
    if p.startswith("//") and not p.startswith("///"):
        return "", "//", p[2:]
    return "", "/", p[1:]


def splitext(p):
    """(root, ext): ext is the last dot suffix of the last component, if not leading."""
    p = _fspath(p)
    slash = p.rfind("/")
    dot = p.rfind(".")
    if dot > slash:
        # Dots at the start of the file name do not begin an extension.
        i = slash + 1
        while i < dot:
            if p[i] != ".":
                return p[:dot], p[dot:]
            i += 1
    return p, p[:0]


def basename(p):
    p = _fspath(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _fspath(p)
    head = p[:p.rfind("/") + 1]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def commonprefix(m):
    if not m:
        return ""
    lo = min(m)
    hi = max(m)
    for i, c in enumerate(lo):
        if c != hi[i]:
            return lo[:i]
    return lo


def _stat(path):
    try:
        return _posix._stat(_fspath(path))
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat(path) is not None


def lexists(path):
    try:
        _posix._stat(_fspath(path), False)
    except (OSError, ValueError):
        return False
    return True


def isdir(s):
    st = _stat(s)
    return st is not None and (st[0] & 0o170000) == 0o040000


def isfile(path):
    st = _stat(path)
    return st is not None and (st[0] & 0o170000) == 0o100000


def islink(path):
    try:
        st = _posix._stat(_fspath(path), False)
    except (OSError, ValueError):
        return False
    return (st[0] & 0o170000) == 0o120000


def getsize(filename):
    return _posix._stat(_fspath(filename))[6]


def getmtime(filename):
    return _posix._stat(_fspath(filename))[8]


def getatime(filename):
    return _posix._stat(_fspath(filename))[7]


def getctime(filename):
    return _posix._stat(_fspath(filename))[9]


def expanduser(path):
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = _posix._environ().get("HOME")
        if home is None:
            return path
    else:
        return path
    home = home.rstrip("/")
    return (home + path[i:]) or "/"


def expandvars(path):
    path = _fspath(path)
    if "$" not in path:
        return path
    env = _posix._environ()
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c == "$" and i + 1 < n:
            if path[i + 1] == "{":
                j = path.find("}", i + 2)
                if j > 0:
                    name = path[i + 2:j]
                    if name in env:
                        out.append(env[name])
                    else:
                        out.append(path[i:j + 1])
                    i = j + 1
                    continue
            else:
                j = i + 1
                while j < n and (path[j].isalnum() or path[j] == "_"):
                    j += 1
                name = path[i + 1:j]
                if name and name in env:
                    out.append(env[name])
                    i = j
                    continue
        out.append(c)
        i += 1
    return "".join(out)


def normpath(path):
    """Collapse redundant separators and up-level references."""
    path = _fspath(path)
    if not path:
        return "."
    if path.startswith("/"):
        lead = 2 if path.startswith("//") and not path.startswith("///") else 1
    else:
        lead = 0
    parts = []
    for comp in path.split("/"):
        if comp == "" or comp == ".":
            continue
        if comp == "..":
            if parts and parts[-1] != "..":
                parts.pop()
                continue
            if lead:
                continue
        parts.append(comp)
    result = "/" * lead + "/".join(parts)
    return result or "."


def abspath(path):
    path = _fspath(path)
    if not path.startswith("/"):
        path = join(_posix.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    return abspath(filename)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    i = 0
    while i < len(start_parts) and i < len(path_parts) and start_parts[i] == path_parts[i]:
        i += 1
    rel = [pardir] * (len(start_parts) - i) + path_parts[i:]
    if not rel:
        return curdir
    return join(*rel)


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = [_fspath(p) for p in paths]
    absolute = {p.startswith("/") for p in paths}
    if len(absolute) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split("/") if c and c != "."] for p in paths]
    lo = min(split_paths)
    hi = max(split_paths)
    common = lo
    for i, c in enumerate(lo):
        if c != hi[i]:
            common = lo[:i]
            break
    prefix = "/" if paths[0].startswith("/") else ""
    return prefix + "/".join(common)
