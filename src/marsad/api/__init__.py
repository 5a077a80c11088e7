"""The REST API and the web UI, served by one process (``marsad serve``)."""

from marsad.api.app import create_app

__all__ = ["create_app"]
