"""How the readers treat inputs: one typed object instead of loose keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.ingest.addresses import AddressPolicy


@dataclass(frozen=True, slots=True)
class ReadOptions:
    timeout: float = 20.0  # seconds per HTTP request, from connect to the last byte
    max_bytes: int = 10_000_000  # per article / file payload; larger is reported and skipped
    follow_links: bool = True  # feed items with little content: fetch the item's page
    # None: fetch any address (the command line fetches what its user names). A server
    # sets a policy so that clients cannot make it fetch from its own network.
    addresses: AddressPolicy | None = None

    def __post_init__(self) -> None:
        # Wrong options are the caller's bug, not a bad input: fail loudly at once.
        if self.timeout <= 0:
            raise ValueError(f"timeout must be positive, got {self.timeout}")
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
