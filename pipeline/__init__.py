"""Extraction pipeline for dumps of Chinese government notices."""

__version__ = "0.1.0"
