"""The ``marsad`` command line: argument parsing and printing only; the work is in ``marsad.ops``."""
