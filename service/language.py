"""Is a text English? The extractive engine's rules read English only, so a brief of a text in
another language would come back near-empty with no word of why; this names the language.

Cheap on the common path: English is recognised by its function words in a sample, in well
under a millisecond. Only a text with few of them goes to py3langid, whose model takes about
a second and 75 MB to load (once per process, and only then), and it must be sure.
"""

import re
from functools import cache
from typing import Any

SAMPLE_CHARS = 2_000  # enough to tell; a long article is not read to its end
MIN_LETTERS = 200  # below this a text is too short to judge
# English prose has about a third of its words in this list; other languages a few in a
# hundred (shared spellings like "on" in French or "has" in Spanish). Words that are also
# common in German, French or Spanish ("a", "in", "an", "die", "was", "will") are left out.
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "is", "that", "for", "on", "with", "as", "by", "it", "at", "from",
    "his", "he", "she", "they", "said", "has", "have", "had", "been", "were", "which", "this",
    "be", "are", "not", "but", "who", "would", "their", "its", "or", "after",
})  # fmt: skip
ENGLISH_SHARE = 0.10  # fewer English words than this share: ask the identifier
# The identifier's calibrated probabilities: English must be all but ruled out, and the top
# language likely (Chinese shares its mass with Cantonese and Wu, and gets about 0.8).
MAX_ENGLISH = 0.01
MIN_TOP = 0.75

_WORD = re.compile(r"[^\W\d_]+")

# The languages a news tool meets most often; any other is named by its code.
NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "es": "Spanish", "et": "Estonian", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "th": "Thai", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def looks_english(words: list[str]) -> bool:
    """True when English function words are common enough among these (lower-case) words."""
    return sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words)


def detect_other_language(text: str) -> str | None:
    """The ISO 639 code of the language a text is surely written in, when that is not
    English; None for English, for a text too short to judge, or when the identifier is not
    sure."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if sum(map(len, words)) < MIN_LETTERS or looks_english(words):
        return None
    ranked: list[tuple[str, float]] = _identifier().rank(sample)
    code, top = ranked[0]
    english = dict(ranked).get("en", 0.0)
    if code == "en" or english > MAX_ENGLISH or top < MIN_TOP:
        return None
    return code


def not_english_warning(text: str) -> str | None:
    """The warning a brief by the extractive engine carries for a text not in English."""
    code = detect_other_language(text)
    if code is None:
        return None
    name = f"{NAMES[code]} ({code})" if code in NAMES else f"the language coded {code!r}"
    return f"the text looks like {name}; the extractive engine reads English only"


@cache
def _identifier() -> Any:
    # Imported here: loading the model costs a second and 75 MB, which an English text
    # (nearly every text) never pays.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
