"""digest: turn a folder of news articles about one story into a cross-source digest site."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
