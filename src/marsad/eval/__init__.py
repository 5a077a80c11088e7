"""Measuring Marsad against public gold data (read from outside the package, never shipped)."""
