"""The error vocabulary: one table of codes with their statuses, used by every error."""

import inspect
import json
from http import HTTPStatus

import pytest

import service.errors as errors
from service.errors import NewsbriefError, ProblemCode
from service.problems import problem_response


def test_every_code_has_a_status_and_a_title() -> None:
    for code in ProblemCode:
        assert 400 <= code.status <= 599
        assert code.heading


def test_each_error_takes_its_status_and_title_from_its_code() -> None:
    classes = [
        c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, NewsbriefError)
    ]
    assert len(classes) >= 10
    for cls in classes:
        error = cls("detail")
        assert (error.status, error.title) == (cls.code.status, cls.code.heading)


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (400, ProblemCode.BAD_REQUEST),
        (404, ProblemCode.NOT_FOUND),
        (405, ProblemCode.METHOD_NOT_ALLOWED),
        (418, ProblemCode.HTTP_ERROR),
    ],
)
def test_framework_http_errors_map_to_a_code(status: int, code: ProblemCode) -> None:
    assert ProblemCode.for_http_status(status) is code


def test_a_code_fixes_the_status_of_its_response() -> None:
    response = problem_response(ProblemCode.TEXT_TOO_LARGE, "too long", status=400)
    assert response.status_code == 413


def test_an_unlisted_framework_error_keeps_its_own_status() -> None:
    response = problem_response(ProblemCode.HTTP_ERROR, "teapot", status=418)
    assert response.status_code == 418
    body = json.loads(bytes(response.body))
    assert (body["code"], body["title"]) == ("http_error", HTTPStatus(418).phrase)
