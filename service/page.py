"""The page at /: the form, its files under /web/, and the example articles it offers."""

from anyio import to_thread
from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, Response

from service.examples import Examples, load_examples
from service.openapi import problem_responses
from service.render import WEB_FILES, web_asset

router = APIRouter()

_MEDIA = {".css": "text/css", ".js": "text/javascript", ".html": "text/html"}

# Everything the page needs comes from this server: no CDN, no inline script.
_PAGE_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "x-content-type-options": "nosniff",
}


@router.get("/", include_in_schema=False)
async def page() -> HTMLResponse:
    return HTMLResponse(web_asset("index.html"), headers=_PAGE_HEADERS)


@router.get("/web/{name}", include_in_schema=False)
async def page_file(name: str) -> Response:
    if name not in WEB_FILES:
        raise HTTPException(404, f"No page file named {name!r}.")
    media = _MEDIA[name[name.rindex(".") :]]
    return Response(web_asset(name), media_type=f"{media}; charset=utf-8", headers=_PAGE_HEADERS)


@router.get(
    "/v1/examples",
    response_model=Examples,
    responses=problem_responses(500),
    summary="Example articles to try",
    operation_id="listExamples",
    tags=["briefs"],
)
async def examples() -> Examples:
    """The seed articles (seeds/*.txt) of a source checkout, with their titles; none when the
    service runs without that folder (an installed wheel)."""
    return await to_thread.run_sync(load_examples)
