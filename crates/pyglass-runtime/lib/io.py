"""The io module (pyglass): file objects come from `_io`; StringIO and BytesIO are
in-memory streams written in Python."""

from _io import (open, TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom,
                 UnsupportedOperation, DEFAULT_BUFFER_SIZE)

__all__ = ["open", "TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom",
           "UnsupportedOperation", "DEFAULT_BUFFER_SIZE", "StringIO", "BytesIO",
           "SEEK_SET", "SEEK_CUR", "SEEK_END"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class _MemoryIO:
    _empty = ""

    def __init__(self, initial=None):
        self._buf = initial if initial is not None else self._empty
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def getvalue(self):
        self._check()
        return self._buf

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        start = min(self._pos, len(self._buf))
        self._pos = max(self._pos, end)
        return self._buf[start:end]

    def _line_end(self, start):
        i = self._buf.find(self._nl, start)
        return len(self._buf) if i < 0 else i + 1

    def readline(self, size=-1):
        self._check()
        start = min(self._pos, len(self._buf))
        end = self._line_end(start)
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return self._buf[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def write(self, s):
        self._check()
        self._check_type(s)
        n = len(s)
        if n == 0:
            return 0
        buf = self._buf
        pos = self._pos
        if pos > len(buf):
            buf = buf + self._pad * (pos - len(buf))
        self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._buf = self._buf[:size]
        return size

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_MemoryIO):
    """Text I/O in memory."""
    _empty = ""
    _pad = "\0"
    _nl = "\n"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        super().__init__(initial_value)

    def _check_type(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


class BytesIO(_MemoryIO):
    """Binary I/O in memory."""
    _empty = b""
    _pad = b"\0"
    _nl = b"\n"

    def __init__(self, initial_bytes=b""):
        super().__init__(bytes(initial_bytes) if initial_bytes is not None else b"")

    def _check_type(self, s):
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")

    def getbuffer(self):
        return self._buf

    def __repr__(self):
        return f"<_io.BytesIO object at {hex(id(self))}>"
