"""A brief's meta changed in its JSON bytes, without decoding the rest."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schemas import Brief
from service.brief_json import with_meta
from service.cache import encode_brief
from service.pipeline import extractive_brief
from tests.conftest import SEED_ARTICLE, read_text


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    return extractive_brief(read_text(SEED_ARTICLE), None)


def test_only_the_named_members_of_the_meta_change(seed_brief: Brief) -> None:
    changed = Brief.model_validate_json(
        with_meta(encode_brief(seed_brief), cached=True, timings_ms={"total": 1.5})
    )
    assert changed.meta.cached is True
    assert changed.meta.timings_ms == {"total": 1.5}
    assert changed.model_dump(exclude={"meta"}) == seed_brief.model_dump(exclude={"meta"})
    assert changed.meta.warnings == seed_brief.meta.warnings


def test_timings_are_added_to_those_the_brief_has(seed_brief: Brief) -> None:
    changed = Brief.model_validate_json(with_meta(encode_brief(seed_brief), timings={"total": 9.0}))
    assert changed.meta.timings_ms == {**seed_brief.meta.timings_ms, "total": 9.0}


@given(st.lists(st.text(), max_size=4), st.text())
def test_strings_that_look_like_the_meta_key_do_not_confuse_it(
    warnings: list[str], summary: str
) -> None:
    brief = Brief.model_validate(
        {
            "summary": summary + ',"meta":{"cached":true}}',
            "actors": [],
            "claims": [],
            "hedges": [],
            "meta": {
                "engine": "extractive",
                "schema_version": "1.0",
                "warnings": [*warnings, ',"meta":{}}'],
            },
        }
    )
    changed = json.loads(with_meta(encode_brief(brief), cached=True))
    assert changed["meta"]["cached"] is True
    assert changed["summary"] == brief.summary
    assert changed["meta"]["warnings"] == brief.meta.warnings


def test_bytes_that_are_not_an_encoded_brief_are_refused() -> None:
    with pytest.raises(ValueError, match="not an encoded brief"):
        with_meta(b'{"meta": {}, "summary": "x"}')
