"""The ``marsad`` command line: parsing and printing only; the work is in ``marsad.ops``."""
