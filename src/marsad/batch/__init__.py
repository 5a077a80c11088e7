"""Batch processing on Ray: the pure stages spread over a cluster, the ordered ones after.

``marsad batch`` is the stateless filter (``marsad extract``) at corpus scale: the same
records, written as Parquet (``marsad.batch.parquet``); Ray is an optional extra.
"""
