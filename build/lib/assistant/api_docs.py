"""The API's docs pages, offline: Swagger UI at /docs and ReDoc at /redoc.

FastAPI's own pages load their script and CSS from a CDN, so on a machine without internet
they render nothing. Here both pages load them from the app itself, under
``/api/docs-assets/``: the files come from the ``fastapi-offline`` package (MIT), which
vendors swagger-ui 5's ``swagger-ui-bundle.js`` and ``swagger-ui.css`` (Apache-2.0) and
ReDoc 2's ``redoc.standalone.js`` (MIT). Swagger UI 5 is needed: FastAPI writes OpenAPI
3.1, which swagger-ui 4 cannot render.

The assets are served by starlette's ``StaticFiles`` from that package's fixed directory;
it resolves every path and answers 404 for anything outside the directory (``..``,
``%2e%2e``, absolute paths), and does not follow symlinks out of it. Both pages carry a
Content-Security-Policy that lets them load only from the app: ReDoc's sidebar shows a logo
from cdn.redoc.ly, which the browser then blocks without sending the request.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_PATH = "/api/docs-assets"
SWAGGER_JS = "swagger-ui-bundle.js"
SWAGGER_CSS = "swagger-ui.css"
REDOC_JS = "redoc.standalone.js"
FAVICON = "favicon.png"
ASSET_FILES = (SWAGGER_JS, SWAGGER_CSS, REDOC_JS, FAVICON)
# The pages may load anything from the app (and run the bundles' inline and eval'd code),
# nothing from elsewhere: the browser blocks e.g. ReDoc's logo from cdn.redoc.ly unsent.
CSP = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:"


def assets_dir() -> Path:
    """The directory of the vendored docs assets (fails loudly if the package changed)."""
    path = Path(str(files("fastapi_offline") / "static"))
    missing = [name for name in ASSET_FILES if not (path / name).is_file()]
    if missing:
        raise RuntimeError(f"the fastapi-offline package lacks {', '.join(missing)} in {path}; "
                           f"reinstall it (pip install 'fastapi-offline>=1.7')")
    return path


def install_docs(app: FastAPI, *, docs_url: str = "/docs", redoc_url: str = "/redoc") -> None:
    """Serve the assets and add the two pages (create the app with docs_url=redoc_url=None)."""
    app.mount(ASSETS_PATH, StaticFiles(directory=assets_dir()), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"

    def prefix(request: Request) -> str:
        return str(request.scope.get("root_path", "")).rstrip("/")

    @app.get(docs_url, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = prefix(request)
        page = get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{root}{ASSETS_PATH}/{SWAGGER_JS}",
            swagger_css_url=f"{root}{ASSETS_PATH}/{SWAGGER_CSS}",
            swagger_favicon_url=f"{root}{ASSETS_PATH}/{FAVICON}",
            oauth2_redirect_url=None,
            # No badge image from validator.swagger.io (it would send it the spec's URL).
            swagger_ui_parameters={"validatorUrl": None},
        )
        page.headers["Content-Security-Policy"] = CSP
        return page

    @app.get(redoc_url, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = prefix(request)
        page = get_redoc_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS_PATH}/{REDOC_JS}",
            redoc_favicon_url=f"{root}{ASSETS_PATH}/{FAVICON}",
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = CSP
        return page
