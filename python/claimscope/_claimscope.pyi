"""Type stubs of the native module ``claimscope._claimscope`` (checked by mypy.stubtest)."""

from os import PathLike
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union, final

__all__ = [
    "Actor",
    "AnalyzeIter",
    "Analyzer",
    "Claim",
    "ClaimscopeError",
    "DataError",
    "Document",
    "InputError",
    "LANGUAGES",
    "Mention",
    "Sentence",
    "Span",
    "Speaker",
    "Token",
    "__version__",
    "detect_language",
    "tokenize",
]

__version__: str
LANGUAGES: List[str]

_Source = Union[str, "PathLike[str]"]
_Sources = Union[_Source, Iterable[_Source]]
_Input = Union[str, Mapping[str, Any]]

class ClaimscopeError(Exception):
    """Base class of every error raised by claimscope itself."""

class InputError(ClaimscopeError):
    """A document that cannot be analyzed (invalid UTF-8, too large)."""

class DataError(ClaimscopeError):
    """A malformed data file: a user dictionary or cue lexicon (names the file and line)."""

def tokenize(text: str, lang: str = "en") -> List[Tuple[int, int, str]]:
    """Tokenizes text; returns ``(start, end, kind)`` with code-point offsets."""

def detect_language(text: str) -> str:
    """Detects the language of ``text``: a code such as ``pl``, or ``und``."""

@final
class Span:
    """A stretch of the document text: ``doc.text[start:end] == text`` (code points)."""

    def __new__(cls, start: int, end: int, text: str) -> "Span": ...
    @property
    def start(self) -> int:
        """First code point."""
    @property
    def end(self) -> int:
        """One past the last code point."""
    @property
    def text(self) -> str:
        """The covered text."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Token:
    """A token: a span of the text and its kind."""

    def __new__(cls, start: int, end: int, text: str, kind: str) -> "Token": ...
    @property
    def start(self) -> int:
        """First code point."""
    @property
    def end(self) -> int:
        """One past the last code point."""
    @property
    def text(self) -> str:
        """The token's text."""
    @property
    def kind(self) -> str:
        """``word``, ``number``, ``punct``, ``symbol``, ``url``, ``email``, ``hashtag``, ``mention`` or ``emoji``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Sentence:
    """A sentence (or headline, or a line without final punctuation)."""

    def __new__(
        cls, start: int, end: int, text: str, boilerplate: bool = False, paragraph_start: bool = False
    ) -> "Sentence": ...
    @property
    def start(self) -> int:
        """First code point."""
    @property
    def end(self) -> int:
        """One past the last code point."""
    @property
    def text(self) -> str:
        """The sentence's text."""
    @property
    def boilerplate(self) -> bool:
        """True for scraped boilerplate, which later stages skip."""
    @property
    def paragraph_start(self) -> bool:
        """True when the sentence starts a paragraph."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Mention:
    """One named mention of an actor."""

    def __new__(cls, start: int, end: int, text: str, actor: str, role: Optional[Span] = None) -> "Mention": ...
    @property
    def start(self) -> int:
        """First code point."""
    @property
    def end(self) -> int:
        """One past the last code point."""
    @property
    def text(self) -> str:
        """The name as written."""
    @property
    def role(self) -> Optional[Span]:
        """The role title next to the mention, if any."""
    @property
    def actor(self) -> str:
        """The id of the actor mentioned."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Actor:
    """An actor found in a document, with all its mentions."""

    def __new__(
        cls, id: str, name: str, type: str, mentions: Iterable[Mention], qid: Optional[str] = None, known: bool = True
    ) -> "Actor": ...
    @property
    def id(self) -> str:
        """Stable id, the same in every document and language."""
    @property
    def name(self) -> str:
        """English display name."""
    @property
    def type(self) -> str:
        """``person``, ``org`` or ``gpe``."""
    @property
    def qid(self) -> Optional[str]:
        """Wikidata QID where known."""
    @property
    def known(self) -> bool:
        """True when the actor came from the gazetteer, false when inferred."""
    @property
    def mentions(self) -> Tuple[Mention, ...]:
        """The mentions, in text order."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Speaker:
    """The source of a claim; ``start``, ``end`` and ``text`` are ``None`` for a dropped subject."""

    def __new__(
        cls,
        start: Optional[int] = None,
        end: Optional[int] = None,
        text: Optional[str] = None,
        actor: Optional[str] = None,
    ) -> "Speaker": ...
    @property
    def start(self) -> Optional[int]:
        """First code point, or ``None``."""
    @property
    def end(self) -> Optional[int]:
        """One past the last code point, or ``None``."""
    @property
    def text(self) -> Optional[str]:
        """The covered text, or ``None``."""
    @property
    def actor(self) -> Optional[str]:
        """The resolved actor id, or ``None``."""
    @property
    def span(self) -> Optional[Span]:
        """The speaker's span, or ``None`` for a dropped subject."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Claim:
    """A proposition the text attributes to a source."""

    def __new__(
        cls,
        content: Span,
        kind: str,
        speaker: Optional[Speaker] = None,
        cue: Optional[Span] = None,
        rule: str = ...,
        about: Iterable[str] = ...,
    ) -> "Claim": ...
    @property
    def speaker(self) -> Optional[Speaker]:
        """Who makes the claim, or ``None`` when unknown."""
    @property
    def cue(self) -> Optional[Span]:
        """The reporting word or phrase; ``None`` for a colon or dash attribution."""
    @property
    def content(self) -> Span:
        """The proposition."""
    @property
    def kind(self) -> str:
        """``direct``, ``indirect``, ``mixed`` or ``according_to``."""
    @property
    def rule(self) -> str:
        """The name of the rule that produced the claim."""
    @property
    def about(self) -> Tuple[str, ...]:
        """Ids of the actors mentioned inside the content."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Document:
    """An analyzed document. Immutable; pickles; compares by value."""

    @property
    def id(self) -> str:
        """The caller's id, or ``""``."""
    @property
    def lang(self) -> str:
        """The language code (``en``, ``pl``, ``ru``, ``uk``, ..., ``und``): given or detected."""
    @property
    def date(self) -> Optional[str]:
        """The date from a leading metadata line (ISO 8601), or ``None``."""
    @property
    def text(self) -> str:
        """The original text, untouched."""
    @property
    def tokens(self) -> Tuple[Token, ...]:
        """The tokens, in text order."""
    @property
    def sentences(self) -> Tuple[Sentence, ...]:
        """The sentences, in text order."""
    @property
    def actors(self) -> Tuple[Actor, ...]:
        """The actors with their mentions, in order of first mention."""
    @property
    def claims(self) -> Tuple[Claim, ...]:
        """The claims, in text order."""
    def to_json(self, *, tokens: bool = True, sentences: bool = True, text: bool = True) -> str:
        """The document as JSON (the command line's output contract, offsets in code points)."""
    def to_dict(self, *, tokens: bool = True, sentences: bool = True, text: bool = True) -> Dict[str, Any]:
        """The document as plain Python data: ``json.loads(doc.to_json())``."""
    def _repr_html_(self) -> str:
        """An HTML view for Jupyter."""
    @classmethod
    def _from_state(cls, state: bytes) -> "Document":
        """Rebuilds a document from its pickled state."""
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

@final
class AnalyzeIter(Iterator[Document]):
    """Iterator returned by ``Analyzer.analyze_many``: documents in input order."""

    def __iter__(self) -> "AnalyzeIter": ...
    def __next__(self) -> Document: ...

@final
class Analyzer:
    """The claimscope pipeline: text → tokens → sentences → actors → claims.

    ``languages``: code(s) detection is restricted to (``None`` = all);
    ``actors``: user actor dictionaries, path(s) or TSV/JSON content(s);
    ``cues``: ``{lang: path(s) or content(s)}`` of user cue lexicons. Files are
    read at construction and kept by content.

    Immutable and thread-safe. Pickles by its configuration (user dictionaries
    by content), so it travels to worker processes.
    """

    def __new__(
        cls,
        languages: Optional[Union[str, Iterable[str]]] = None,
        actors: Optional[_Sources] = None,
        cues: Optional[Mapping[str, _Sources]] = None,
    ) -> "Analyzer": ...
    @property
    def languages(self) -> List[str]:
        """The languages language detection is restricted to (empty = all)."""
    def analyze(self, text: str, lang: Optional[str] = None, id: Optional[str] = None) -> Document:
        """Analyzes one document (``lang=None`` or ``"auto"`` detects the language).

        Raises ``ValueError`` for an unknown language or a lone surrogate (naming
        its position), ``InputError`` for a document over 4 GiB.
        """
    def analyze_many(
        self, docs: Iterable[_Input], threads: Optional[int] = None, chunk_size: int = 256
    ) -> AnalyzeIter:
        """Analyzes many documents on a thread pool, yielding them in input order.

        ``docs``: an iterable (read lazily) of ``str`` or ``{"text", "id"?, "lang"?}``.
        ``threads``: pool size (``None`` = one per core); the pool belongs to the
        iterator. Chunks of ``chunk_size`` documents are analyzed without the GIL
        while the previous chunk is yielded; Ctrl-C is honoured between chunks.
        """
    def explain(self, text: str, lang: Optional[str] = None) -> str:
        """A readable account of how the pipeline saw ``text``."""
    def detect(self, text: str) -> str:
        """Detects the language of ``text`` (among the configured languages)."""
    @classmethod
    def _from_config(cls, config: bytes) -> "Analyzer":
        """Rebuilds an analyzer from its pickled configuration."""
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...
