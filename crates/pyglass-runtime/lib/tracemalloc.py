"""Trace memory allocations: pyglass's tracemalloc.

The native part (_tracemalloc, src/modules/tracemalloc.rs) keeps a table of the live
blocks allocated while tracing, each with the traceback of the Python code that
allocated it. This module turns a copy of that table into snapshots, statistics and
differences, with the classes and text formats of CPython's tracemalloc.
"""

from collections.abc import Sequence, Iterable
from functools import total_ordering

from _tracemalloc import (start, stop, is_tracing, clear_traces, get_traced_memory,
                          reset_peak, get_tracemalloc_memory, get_traceback_limit)
from _tracemalloc import _get_object_traceback, _get_traces

__all__ = ["start", "stop", "is_tracing", "clear_traces", "get_traced_memory",
           "reset_peak", "get_tracemalloc_memory", "get_traceback_limit",
           "get_object_traceback", "take_snapshot", "Snapshot", "Statistic",
           "StatisticDiff", "Traceback", "Frame", "Trace", "Filter", "DomainFilter",
           "BaseFilter"]

_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    # Three significant digits below 100 of a unit, whole numbers up to 10239 of one;
    # bytes are always whole.
    sign_flag = "+" if sign else ""
    unit_index = 0
    while True:
        unit = _UNITS[unit_index]
        if unit != 'B' and abs(size) < 100:
            return ("%" + sign_flag + ".1f %s") % (size, unit)
        if abs(size) < 10 * 1024 or unit_index == len(_UNITS) - 1:
            return ("%" + sign_flag + ".0f %s") % (size, unit)
        size /= 1024
        unit_index += 1


def _average_text(size, count):
    if not count:
        return ""
    return ", average=" + _format_size(size / count, False)


class Statistic:
    """Size and number of the blocks allocated at one traceback."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def _key(self):
        return (self.traceback, self.size, self.count)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return self._key() == other._key()

    def __str__(self):
        return "%s: size=%s, count=%i%s" % (
            self.traceback, _format_size(self.size, False), self.count,
            _average_text(self.size, self.count))

    def __repr__(self):
        return "<Statistic traceback=%r size=%i count=%i>" % (
            self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """A statistic of a new snapshot with its change from an old one."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def _key(self):
        return (self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return self._key() == other._key()

    def __str__(self):
        return "%s: size=%s (%s), count=%i (%+i)%s" % (
            self.traceback, _format_size(self.size, False),
            _format_size(self.size_diff, True), self.count, self.count_diff,
            _average_text(self.size, self.count))

    def __repr__(self):
        return "<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>" % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count,
                self.traceback)


@total_ordering
class Frame:
    """One frame of a traceback: a file name and a line number."""

    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame          # (filename, lineno)

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if isinstance(other, Frame):
            return self._frame == other._frame
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Frame):
            return self._frame < other._frame
        return NotImplemented

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % self._frame

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % self._frame


@total_ordering
class Traceback(Sequence):
    """The frames where a block was allocated, oldest first."""

    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # _tracemalloc gives the most recent frame first.
        self._frames = tuple(frames[::-1])
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Frame(f) for f in self._frames[index]])
        return Frame(self._frames[index])

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if isinstance(other, Traceback):
            return self._frames == other._frames
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Traceback):
            return self._frames < other._frames
        return NotImplemented

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        if self._total_nframe is None:
            return "<Traceback %s>" % (tuple(self),)
        return "<Traceback %s total_nframe=%s>" % (tuple(self), self._total_nframe)

    def format(self, limit=None, most_recent_first=False):
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:limit]
        if most_recent_first:
            frames.reverse()
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = _source_line(frame.filename, frame.lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


def _source_line(filename, lineno):
    # What linecache.getline would give, without a cache module.
    if filename.startswith('<') and filename.endswith('>'):
        return ''
    try:
        with open(filename, encoding='utf-8') as f:
            for number, line in enumerate(f, 1):
                if number == lineno:
                    return line
    except (OSError, UnicodeDecodeError):
        pass
    return ''


def get_object_traceback(obj):
    """The traceback where obj was allocated, or None if it was not traced."""
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """One traced memory block."""

    __slots__ = ('_trace',)

    def __init__(self, trace):
        self._trace = trace          # (domain, size, frames, total_nframe)

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if isinstance(other, Trace):
            return self._trace == other._trace
        return NotImplemented

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces(Sequence):
    def __init__(self, traces):
        Sequence.__init__(self)
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(t) for t in self._traces[index]])
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


def _normalize_filename(filename):
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


def _glob_match(name, pattern):
    # fnmatch.fnmatchcase for '*', '?', '[seq]' and '[!seq]', by backtracking on the
    # last '*'.
    n = p = 0
    star_p = star_n = -1
    while n < len(name):
        if p < len(pattern):
            c = pattern[p]
            if c == '*':
                star_p, star_n = p, n
                p += 1
                continue
            if c == '?':
                n += 1
                p += 1
                continue
            if c == '[':
                end = pattern.find(']', p + 2 if pattern[p + 1:p + 2] in ('!', ']') else p + 1)
                if end != -1:
                    items = pattern[p + 1:end]
                    negate = items.startswith('!')
                    if negate:
                        items = items[1:]
                    if _class_match(name[n], items) != negate:
                        n += 1
                        p = end + 1
                        continue
                elif name[n] == '[':
                    n += 1
                    p += 1
                    continue
            elif c == name[n]:
                n += 1
                p += 1
                continue
        if star_p < 0:
            return False
        star_n += 1
        n = star_n
        p = star_p + 1
    while p < len(pattern) and pattern[p] == '*':
        p += 1
    return p == len(pattern)


def _class_match(ch, items):
    i = 0
    while i < len(items):
        if i + 2 < len(items) and items[i + 1] == '-':
            if items[i] <= ch <= items[i + 2]:
                return True
            i += 3
        else:
            if items[i] == ch:
                return True
            i += 1
    return False


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keep (inclusive) or drop the traces whose frame matches a file name pattern and,
    if given, a line number and a domain."""

    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False,
                 domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain
        self._seen = {}         # filename -> matches the pattern (few distinct names)

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _frame_matches(self, filename, lineno):
        matched = self._seen.get(filename)
        if matched is None:
            matched = self._seen[filename] = _glob_match(_normalize_filename(filename),
                                                         self._filename_pattern)
        if not matched:
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_traceback(self, frames):
        if self.all_frames:
            found = False
            for filename, lineno in frames:
                if self._frame_matches(filename, lineno):
                    found = True
                    break
            return found == bool(self.inclusive)
        filename, lineno = frames[0]
        return self._frame_matches(filename, lineno) != (not self.inclusive)

    def _match(self, trace):
        domain, size, frames, total_nframe = trace
        matched = self._match_traceback(frames)
        if self.domain is None:
            return matched
        if self.inclusive:
            return matched and domain == self.domain
        return matched or domain != self.domain


class DomainFilter(BaseFilter):
    """Keep (inclusive) or drop the traces of one address space domain."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self._domain) != (not self.inclusive)


_KEY_TYPES = ('traceback', 'filename', 'lineno')


class Snapshot:
    """The traces of the blocks that were live when the snapshot was taken."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        raise NotImplementedError("Snapshot.dump() needs pickle, which pyglass lacks")

    @staticmethod
    def load(filename):
        raise NotImplementedError("Snapshot.load() needs pickle, which pyglass lacks")

    def filter_traces(self, filters):
        """A new Snapshot with the traces the filters keep: a trace is kept if it
        matches at least one inclusive filter (when there are any) and every exclusive
        filter lets it through."""
        if not isinstance(filters, Iterable):
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__)
        filters = list(filters)
        if not filters:
            return Snapshot(list(self.traces._traces), self.traceback_limit)
        include = [f for f in filters if f.inclusive]
        exclude = [f for f in filters if not f.inclusive]
        kept = []
        for trace in self.traces._traces:
            if include and not any(f._match(trace) for f in include):
                continue
            if exclude and not all(f._match(trace) for f in exclude):
                continue
            kept.append(trace)
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in _KEY_TYPES:
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type == 'traceback':
            raise ValueError("cumulative mode cannot by used with key type %r"
                             % key_type)
        stats = {}
        keys = {}       # frames tuple (or frame, when cumulative) -> Traceback

        def account(raw, frames, size):
            tb = keys.get(raw)
            if tb is None:
                tb = keys[raw] = Traceback(frames)
            stat = stats.get(tb)
            if stat is None:
                stats[tb] = Statistic(tb, size, 1)
            else:
                stat.size += size
                stat.count += 1

        for domain, size, frames, total_nframe in self.traces._traces:
            if cumulative:
                for frame in frames:
                    if key_type == 'lineno':
                        account(frame, (frame,), size)
                    else:
                        account(frame, ((frame[0], 0),), size)
            elif key_type == 'traceback':
                account(frames, frames, size)
            elif key_type == 'lineno':
                account(frames, frames[:1], size)
            else:
                account(frames, ((frames[0][0], 0),), size)
        return stats

    def statistics(self, key_type, cumulative=False):
        """Statistics grouped by 'filename', 'lineno' or 'traceback', biggest first."""
        result = list(self._group_by(key_type, cumulative).values())
        result.sort(key=Statistic._sort_key, reverse=True)
        return result

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff list against old_snapshot, biggest change first."""
        new = self._group_by(key_type, cumulative)
        old = old_snapshot._group_by(key_type, cumulative)
        diffs = []
        for tb, stat in new.items():
            before = old.pop(tb, None)
            if before is None:
                diffs.append(StatisticDiff(tb, stat.size, stat.size, stat.count, stat.count))
            else:
                diffs.append(StatisticDiff(tb, stat.size, stat.size - before.size,
                                           stat.count, stat.count - before.count))
        for tb, stat in old.items():
            diffs.append(StatisticDiff(tb, 0, -stat.size, 0, -stat.count))
        diffs.sort(key=StatisticDiff._sort_key, reverse=True)
        return diffs


def take_snapshot():
    """A Snapshot of the blocks traced now."""
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    return Snapshot(_get_traces(), get_traceback_limit())
