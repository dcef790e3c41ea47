"""Which sentences the rules read: the headline and sub-heads as well as the body
(ANNOTATION.md v2: "Headline and sub-heads are text like any other"), never the dateline,
the byline or boilerplate."""

from service.article import Article, Sentence

LABELLED_KINDS = frozenset(("title", "heading", "body"))


def labelled_sentences(article: Article) -> list[Sentence]:
    """The headline, sub-head and body sentences, in text order."""
    return [s for s in article.sentences if article.paragraphs[s.paragraph].kind in LABELLED_KINDS]


def is_labelled(article: Article, sentence: Sentence) -> bool:
    return article.paragraphs[sentence.paragraph].kind in LABELLED_KINDS
