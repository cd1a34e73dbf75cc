"""Thai word boundaries and the line-break judge.

Thai is written without spaces, so a line may end only between words. One segmenter is not enough:
newmm's maximal matching has ties it cannot see (มาตร|การ, เอก|สาร), ICU's dictionary cuts others
(ตัว|ชี้|วัด). ``break_ok`` therefore allows a break inside Thai text only where

- newmm (nlpo3's compiled newmm over pythainlp's word list), pythainlp's longest matching and ICU
  (``icu4py``, when installed) all see a word boundary;
- the next line does not start with the bound prefix การ/ความ standing alone (ชำนาญ|การ);
- no word of the dictionaries (pythainlp's core words, the Royal Institute's, Volubilis compounds and
  KPI Desk's own domain list) spans the break while being much more frequent in the Thai National
  Corpus than one of its halves (ดำเนิน|การ), or while one half is no word at all (ตัวชี้|วัด);
- no word of the document's own spans it: the secretary's list in settings and the names in the
  database (``set_document_words``: ประชา|รัฐ, ราช|ประชาสมาสัย);

and never inside a number group (๑/๒๕๖๗, 09.30, 02-265-6000), between a title and a name
(นาย|อนุชา), after an abbreviation such as พ.ศ. before what it qualifies, at a no-break space, or
inside a URL or an e-mail address. A real space is always a legal break otherwise.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

from app.domain.thai_text import is_thai_word

THAI_RUN_END = re.compile("[\u0e01-\u0e4f]+$")
THAI_RUN_START = re.compile("^[\u0e01-\u0e4f]+")
THAI_CHAR = re.compile("[\u0e01-\u0e4f]")
NO_LINE_START = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
                    "\u0e46\u0e2f\u0e33")
NO_LINE_END = set("([{“‘<")
NO_LINE_HEAD = set(")]}”’>,.;:!?%")
DIGITS = set("0123456789๐๑๒๓๔๕๖๗๘๙")
NUMBER_SEPARATORS = set("/:-.,")
NOMINALISERS = ("การ", "ความ")
DOMINANT = 1.3
CONTEXT = 30
TITLES = ("นางสาว", "นาย", "นาง", "ดร.", "ผศ.", "รศ.", "ศ.", "พล.อ.", "พล.ต.อ.", "ม.ร.ว.", "ม.ล.", "ว่าที่ร้อยตรี",
          "ศาสตราจารย์", "ศาสตราจารย์พิเศษ", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์")
ABBREVIATION_END = re.compile(r"(?:^|[^\u0e01-\u0e4f.])(?:[\u0e01-\u0e2e]{1,3}\.){1,4}$")
URLISH = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S*$|[\w.+-]+@[\w-]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _word_list() -> tuple[str, frozenset[str]]:
    """pythainlp's own word list (the one its newmm reads), loaded once into nlpo3 — newmm compiled —
    and as a set, the membership test longest matching needs: no dictionary trie is built in Python
    (that alone took half a second at every start)."""
    import nlpo3
    import pythainlp.corpus as corpus
    path = Path(corpus.__file__).resolve().parent / "words_th.txt"
    name = "kpi-desk-th"
    nlpo3.load_dict(str(path), name)         # refuses quietly to replace a name already loaded
    return name, lexicon().words


def rejoin_formatted_num(tokens: list[str]) -> list[str]:
    """pythainlp's own rejoining of times, decimals and grouped numbers (12:00, 1,234.5) that a
    segmenter split, as its ``word_tokenize`` does by default."""
    from pythainlp.tokenize._utils import rejoin_formatted_num as rejoin
    return rejoin(tokens)


def _non_thai(text: str) -> list[str]:
    """Non-Thai text as pythainlp's newmm splits it: Latin words, numbers with their separators (3.25,
    1,000), whitespace runs, and other runs up to a space."""
    from pythainlp.tokenize.newmm import _PAT_NONTHAI
    out, i = [], 0
    while i < len(text):
        m = _PAT_NONTHAI.match(text, i)
        j = m.end() if m and m.end() > i else i + 1
        out.append(text[i:j])
        i = j
    return out


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Tokens whose concatenation is ``text``: Thai words (newmm), Latin words, numbers, whitespace runs."""
    if not THAI_CHAR.search(text):          # numbers, page numbers, Latin: what newmm would leave as they are
        return tuple(rejoin_formatted_num(_non_thai(text)))
    import nlpo3
    out: list[str] = []
    pending = ""
    for token in nlpo3.segment(text, _word_list()[0]):
        thai = THAI_CHAR.search(token)
        if thai and thai.start():            # "(สพ": the bracket is not part of the word
            pending, token = pending + token[:thai.start()], token[thai.start():]
        if thai:
            if pending:
                out += _non_thai(pending)
                pending = ""
            out.append(token)
        else:                    # nlpo3 splits "(133)" and "joint_by" apart: rejoin, then split as newmm does
            pending += token
    if pending:
        out += _non_thai(pending)
    return tuple(rejoin_formatted_num(out))


def _cuts(tokens) -> frozenset[int]:
    out, pos = set(), 0
    for w in list(tokens)[:-1]:
        pos += len(w)
        out.add(pos)
    return frozenset(out)


@lru_cache(maxsize=65536)
def boundaries(text: str) -> frozenset[int]:
    return _cuts(words(text))


@lru_cache(maxsize=65536)
def _longest(text: str) -> frozenset[int]:
    from pythainlp.tokenize.longest import segment
    return _cuts(rejoin_formatted_num(segment(text, custom_dict=_word_list()[1])))


@lru_cache(maxsize=1)
def _icu():
    try:
        from icu4py.breakers import WordBreaker
        from icu4py.locale import Locale
    except ImportError:          # ICU is a second opinion; newmm and longest matching still vote
        return None
    locale = Locale("th")
    return lambda text: frozenset(end for _start, end in WordBreaker(text, locale).segments() if end < len(text))


@lru_cache(maxsize=65536)
def _icu_cuts(text: str) -> frozenset[int] | None:
    icu = _icu()
    return icu(text) if icu else None


class Lexicon:
    """The word lists pythainlp ships (no download) plus KPI Desk's domain words, with corpus counts.

    Reading and splitting the lists takes longer than all the segmenting of a national annex, so they
    are kept, once read, in one marshal file in the cache folder, named after the lists' sizes and
    dates: a changed list (a pythainlp upgrade, a new domain word) makes a new file."""

    def __init__(self) -> None:
        import pythainlp.corpus as corpus
        from app.paths import resources_dir
        folder = Path(corpus.__file__).resolve().parent
        sources = [folder / "tnc_freq.txt", resources_dir() / "dictionary" / "domain_words_th.txt",
                   folder / "words_th.txt", folder / "orst_words_th.txt", folder / "volubilis_words_th.txt"]
        kept = _kept_lists(sources)
        if kept is None:
            kept = _read_lists(sources)
            _keep_lists(sources, kept)
        self.freq, self.domain, self.words, self.core, self.ext = kept
        self.maxlen = 14

    def f(self, word: str) -> int:
        return self.freq.get(word, 0)

    def spanning(self, text: str, p: int):
        for i in range(max(0, p - self.maxlen + 1), p):
            for j in range(p + 1, min(len(text), i + self.maxlen) + 1):
                if text[i:j] in self.ext:
                    yield i, j, text[i:j]


_document = threading.local()


def set_document_words(found) -> None:
    """Words the document being built on this thread never cuts: the secretary's own and the names its
    database holds; only Thai words (``is_thai_word``) are kept."""
    _document.words = frozenset(w for w in found if is_thai_word(w))


def document_words() -> frozenset[str]:
    return getattr(_document, "words", frozenset())


def _in_document_word(text: str, p: int) -> bool:
    for w in document_words():
        if w in text:
            start = text.find(w, max(0, p - len(w) + 1))
            while start != -1 and start < p:
                if start + len(w) > p:
                    return True
                start = text.find(w, start + 1)
    return False


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


def _read_lists(sources: list[Path]) -> tuple:
    tnc, *lists = sources
    freq: dict[str, int] = {}
    if tnc.exists():
        for line in tnc.read_text(encoding="utf-8").splitlines():
            w, _, f = line.partition("\t")
            if f.isdigit():
                freq[w] = int(f)

    def read(path: Path, spaced: bool = False) -> frozenset[str]:
        if not path.exists():
            return frozenset()
        return frozenset(w for w in (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
                         if w and (spaced or " " not in w))
    domain, words, orst, volubilis = read(lists[0]), read(lists[1], spaced=True), read(lists[2]), read(lists[3])
    # pythainlp's word list whole for longest matching ("…ศึกษา วิทยาศาสตร์…" included); the judge's core
    # and extended lists without the entries that hold a space
    core = frozenset(w for w in words if " " not in w) | orst | domain
    return freq, domain, words, core, core | volubilis


def _lists_file(sources: list[Path]) -> Path | None:
    import hashlib
    import marshal
    from app.paths import cache_dir
    try:
        stamp = "|".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" if p.exists() else f"{p}:-" for p in sources)
        folder = cache_dir()
    except OSError:
        return None
    return folder / f"lexicon-v2-{marshal.version}-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.marshal"


def _kept_lists(sources: list[Path]) -> tuple | None:
    import marshal
    path = _lists_file(sources)
    try:
        kept = marshal.loads(path.read_bytes()) if path else None
    except (OSError, ValueError, EOFError, TypeError):
        return None                  # missing or damaged: read the lists again
    return kept if isinstance(kept, tuple) and len(kept) == 5 else None


def _keep_lists(sources: list[Path], kept: tuple) -> None:
    import marshal
    import os
    path = _lists_file(sources)
    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(marshal.dumps(kept))
        os.replace(tmp, path)        # whole or not at all: a second process racing writes the same bytes
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache folder only costs the next start its reading


@lru_cache(maxsize=4096)
def compound_cuts(word: str) -> frozenset[int]:
    """Places inside one dictionary word where a known word of two letters or more ends and another begins
    (คาร์บอน|ไดออกไซด์): where a word too wide for its column is least badly cut."""
    core, n = lexicon().core, lexicon().maxlen
    return frozenset(p for p in range(2, len(word) - 1)
                     if any(word[i:p] in core for i in range(max(0, p - n), p - 1))
                     and any(word[p:j] in core for j in range(p + 2, min(len(word), p + n) + 1)))


# a telephone or fax number written in spaced groups, up to the line end ("โทร. ๐ ๒๖๕๑")
PHONE_TAIL = re.compile(r"(?:โทร(?:ศัพท์|สาร)?|แฟกซ์|Tel|Fax)\.?\s*[0-9๐-๙][0-9๐-๙\- ]*$", re.IGNORECASE)


def _number_split(tail: str, head: str) -> bool:
    if not tail or not head or head[0] not in DIGITS:
        return False
    return tail[-1] in DIGITS or (tail[-1] in NUMBER_SEPARATORS and len(tail) > 1 and tail[-2] in DIGITS)


def _thai_break_ok(a: str, b: str, left: str, right: str) -> bool:
    """Both sides are Thai runs joined at the break (``left``/``right``: the text around it)."""
    if b in NOMINALISERS and not THAI_CHAR.match(right[len(b):len(b) + 1] or " "):
        return False                                   # ชำนาญ|การ: the prefix alone belongs to the word before
    text, p = left[-CONTEXT:] + right[:CONTEXT], len(left[-CONTEXT:])
    votes = [boundaries(text), _longest(text)]
    icu = _icu_cuts(text)
    if icu is not None:
        votes.append(icu)
    if not all(p in v for v in votes):
        return False
    for t in TITLES:                                   # นาย|อนุชา: a title read as a word stays with the name
        if THAI_CHAR.match(t[-1]) and a.endswith(t) and (len(a) == len(t) or (p - len(t)) in votes[0]):
            return False
    if _in_document_word(text, p):
        return False                                   # ประชา|รัฐ: a word the secretary listed, a unit's name
    lex = lexicon()
    edges = {0, len(text)} | {i for i in range(1, len(text)) if not THAI_CHAR.match(text[i - 1]) or
                              not THAI_CHAR.match(text[i])}

    def read(i: int) -> bool:                          # a word end some segmenter sees in context
        return i in edges or any(i in v for v in votes)

    for i, j, w in lex.spanning(text, p):
        left_half, right_half = text[i:p], text[p:j]
        if len(w) < 3 or not read(i) or not read(j) or w.startswith(NOMINALISERS) or left_half in NOMINALISERS:
            continue
        if w in lex.domain:
            return False                               # the secretariat's own words are never cut
        if lex.f(w) and lex.f(w) >= DOMINANT * min(lex.f(left_half), lex.f(right_half)):
            return False                               # ดำเนิน|การ: the half mostly lives inside the word
        if any(h not in lex.core and (h not in lex.ext or lex.f(h)) for h in (left_half, right_half)):
            return False                               # ตัวชี้|วัด: a half that is no word
    return True


def break_ok(line_end: str, next_start: str) -> bool:
    """May a line ending with ``line_end`` be followed by a line starting with ``next_start``?"""
    if line_end.endswith("\u00a0") or next_start.startswith("\u00a0"):
        return False
    head = next_start.lstrip()
    tail = line_end.rstrip()
    if head and (head[0] in NO_LINE_START or head[0] in NO_LINE_HEAD):
        return False
    if tail and tail[-1] in NO_LINE_END:
        return False
    spaced = tail != line_end or head != next_start
    if ABBREVIATION_END.search(tail) and head[:1] and (head[0] in DIGITS or THAI_CHAR.match(head[0])):
        return False                                   # พ.ศ. ๒๕๖๗, ก.พ.ร. กำหนด: kept with what they qualify
    if spaced and head[:1] and head[0] in DIGITS and PHONE_TAIL.search(tail):
        return False                                   # โทร. ๐ ๒๖๕๑ ๙๙๙๙: a phone number's groups stay together
    if spaced:
        return True                                    # a real space is a legal break
    if _number_split(tail, head):
        return False
    last_word = re.split(r"\s", tail)[-1] if tail else ""
    first_word = re.split(r"\s", head)[0] if head else ""
    if URLISH.search(last_word) or (("@" in first_word or "://" in first_word) and last_word):
        return False
    a = THAI_RUN_END.search(tail)
    b = THAI_RUN_START.search(head)
    if not a or not b:
        return True
    return _thai_break_ok(a.group(0), b.group(0), tail, head)
