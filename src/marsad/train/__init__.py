"""Rebuilding the shipped models from public data (``marsad train``, ``make models``).

Nothing here runs at ingest time or in ``make test``: the package ships the trained
models, and this code exists so that anyone can rebuild them, reproducibly, from the
gold sets named in ``corpora``.
"""
