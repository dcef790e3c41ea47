"""A brief's meta echoes the request's url and title, cached or shared briefs included."""

from fastapi.testclient import TestClient


def test_meta_echoes_the_requests_url_and_title(client: TestClient, seed_text: str) -> None:
    body = {"text": seed_text, "title": "Shoigu calls", "url": "https://example.org/a"}
    meta = client.post("/v1/summaries", json=body).json()["meta"]
    assert (meta["url"], meta["title"]) == ("https://example.org/a", "Shoigu calls")


def test_meta_url_and_title_are_null_when_not_sent(client: TestClient, seed_text: str) -> None:
    meta = client.post("/v1/summaries", json={"text": seed_text}).json()["meta"]
    assert (meta["url"], meta["title"]) == (None, None)


def test_a_cached_brief_echoes_the_url_of_the_request_it_answers(
    client: TestClient, seed_text: str
) -> None:
    client.post("/v1/summaries", json={"text": seed_text, "url": "https://example.org/first"})
    again = {"text": seed_text, "url": "https://example.org/second"}
    meta = client.post("/v1/summaries", json=again).json()["meta"]
    assert (meta["cached"], meta["url"]) == (True, "https://example.org/second")
