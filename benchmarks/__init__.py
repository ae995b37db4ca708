"""Reproducible quality and speed figures: ``python -m benchmarks.run`` (``make bench``)."""
