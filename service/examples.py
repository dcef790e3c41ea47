"""Articles to try on the page: the seed articles of a source checkout (seeds/*.txt)."""

from pathlib import Path

from pydantic import BaseModel, Field

from service.errors import NewsbriefError
from service.files import articles_in, read_article

# A source checkout's seeds/; an installed wheel has none, and then there are no examples.
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Example(BaseModel):
    """One article to try."""

    name: str = Field(description="The file's name without .txt.")
    title: str = Field(description="The article's first line.")
    text: str = Field(description="The article, exactly as in the file.")


class Examples(BaseModel):
    """The articles the page offers."""

    examples: list[Example] = Field(description="In file-name order; empty without seeds/.")


def load_examples(folder: Path = SEEDS) -> Examples:
    if not folder.is_dir():
        return Examples(examples=[])
    examples = []
    for path in articles_in(folder):
        try:
            text = read_article(path)
        except NewsbriefError:  # not UTF-8: nothing to show, and no reason to fail the others
            continue
        examples.append(Example(name=path.stem, title=text.strip().split("\n", 1)[0], text=text))
    return Examples(examples=examples)
