"""Pydantic models of every authored file kind; they are the schema (see `schemas.py`)."""

from .hub import Hub

FILE_KINDS = {"hub": Hub}

__all__ = ["FILE_KINDS", "Hub"]
