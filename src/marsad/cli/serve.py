"""``marsad serve``: the REST API and the web UI in one process (uvicorn)."""

from __future__ import annotations

import click

from marsad.cli.options import db_option
from marsad.ingest.addresses import ALLOW_ENV, AddressPolicy


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="MARSAD_API_TOKEN",
    show_envvar=True,
    help="API token that enables the ingest endpoints (send `Authorization: Bearer TOKEN`);"
    " without one, ingest over the API is off.",
)
@click.option(
    "--max-upload-mb",
    type=click.IntRange(1, 4096),
    default=20,
    show_default=True,
    help="Largest ingest upload accepted, per request.",
)
@click.option(
    "--fetch-allow",
    envvar=ALLOW_ENV,
    show_envvar=True,
    metavar="CIDR[,CIDR...]",
    help="Networks the server may fetch feeds and pages from although they are not public"
    " (loopback, private, link-local); by default it fetches from public addresses only.",
)
def serve_command(
    db: str, host: str, port: int, token: str | None, max_upload_mb: int, fetch_allow: str | None
) -> None:
    """Serve the web UI and the REST API over the store (until Ctrl-C).

    Open the printed URL in a browser; the API is under /api, documented at /api/docs
    (OpenAPI schema at /api/openapi.json). Read endpoints never change the store. It
    listens on 127.0.0.1 only unless --host says otherwise: there is no login for reading,
    so think before serving it on a network.
    """
    import uvicorn

    from marsad.api import create_app

    try:
        AddressPolicy.parse(fetch_allow)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fetch-allow") from exc
    app = create_app(
        db, token, max_upload_bytes=max_upload_mb * 1024 * 1024, fetch_allow=fetch_allow
    )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Marsad on http://{shown}:{port}/  (API docs: http://{shown}:{port}/api/docs)")
    click.echo(
        "ingest endpoints: " + ("enabled (token required)" if token else "off (no --token)"),
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
