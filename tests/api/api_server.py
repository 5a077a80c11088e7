"""What the API tests share besides fixtures: the served store and the token settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

TOKEN = "test-token-5f1c"
MAX_UPLOAD = 256 * 1024


@dataclass
class Server:
    url: str
    db: Path
    client: httpx.Client
