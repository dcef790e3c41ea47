"""Word tokens with offsets, the unit the extractive rules walk over."""

import re

_PARTICLE_NAME = re.compile(r"(?:al|el|bin|ibn|abu|ben|ould)-[A-Z]")
# A title's abbreviation keeps its dot ("Dr. Tom Frieden"): a lone "Dr" and "." would cut the name.
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Mme|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev)\.(?=\s+[A-Z])"
_TOKEN = re.compile(_TITLE + r"|[A-Za-z]\.(?:[A-Za-z]\.)+|\w+(?:[’'\-.&]\w+)*(?:[’']s\b)?|[^\w\s]")
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")


class Token:
    """A word or punctuation mark and where it stands; its features are computed once, since
    the rules ask for them many times over."""

    __slots__ = ("bare", "end", "is_capitalised", "is_word", "lower", "possessive", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        features = _FEATURES.get(text)
        if features is None:
            features = _features(text)
        self.lower, self.is_word, self.is_capitalised, self.possessive, self.bare = features

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


_Features = tuple[str, bool, bool, bool, str]
# A token's features depend on its text alone, and news repeats its words: computed once per
# distinct text, and kept (a bounded cache of short words: the first seen stay).
_FEATURES: dict[str, _Features] = {}
_FEATURES_KEPT = 50_000


def _features(text: str) -> _Features:
    first = text[0]
    # A capital, or a name particle joined to one ('al-Amr', 'bin-Salman').
    capitalised = first.isupper() or (first in "abeiou" and _PARTICLE_NAME.match(text) is not None)
    possessive = len(text) > 2 and text.endswith(("’s", "'s"))
    bare = text[:-2] if possessive else text  # without a possessive 's
    features = (text.lower(), first.isalnum(), capitalised, possessive, bare)
    if len(_FEATURES) < _FEATURES_KEPT and len(text) <= 40:
        _FEATURES[text] = features
    return features


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (with inner apostrophes, hyphens and abbreviation dots) and punctuation marks."""
    end = len(text) if end is None else end
    # Every character is a space or inside a token, so (spaces, token) pairs tile the text:
    # findall and a running offset build the tokens a third faster than match objects. Each
    # token's slots are filled here, as Token.__init__ would fill them, without the call of
    # __init__ per token (two fifths of the time of tokenizing an article).
    tokens: list[Token] = []
    append = tokens.append
    new = object.__new__
    known = _FEATURES.get
    at = start
    for space, word in _SPACED_TOKEN.findall(text, start, end):
        at += len(space)
        token = new(Token)
        token.text = word
        token.start = at
        at += len(word)
        token.end = at
        features = known(word)
        if features is None:
            features = _features(word)
        token.lower, token.is_word, token.is_capitalised, token.possessive, token.bare = features
        append(token)
    return tokens


def adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only spaces separate two tokens."""
    return text[left.end : right.start].strip() == ""
