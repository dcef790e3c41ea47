"""A lead-based summary: the article's opening sentences, without dateline or headings."""

from service.article import Article

MAX_SENTENCES = 3
MAX_WORDS = 75


def lead_summary(article: Article) -> str:
    """Two to three sentences from the lead, skipping quotations where narration is available."""
    text = article.text
    chosen: list[str] = []
    words = 0
    candidates = article.body_sentences[:8]
    narration = [s for s in candidates if not _opens_with_quote(text[s.start : s.end])]
    for sentence in narration or candidates:
        piece = " ".join(text[article.content_start(sentence) : sentence.end].split())
        piece = piece.replace("\ufeff", "").strip()
        if not piece:
            continue  # a sentence that was all dateline
        count = len(piece.split())
        if chosen and (words + count > MAX_WORDS or len(chosen) >= MAX_SENTENCES):
            break
        chosen.append(piece)
        words += count
        if len(chosen) >= 2 and words >= MAX_WORDS * 2 // 3:
            break
    if not chosen and article.sentences:
        first = article.sentences[0]
        chosen.append(" ".join(text[first.start : first.end].split()))
    return " ".join(chosen)


def _opens_with_quote(sentence: str) -> bool:
    return sentence[:1] in "“\"‘'«"
