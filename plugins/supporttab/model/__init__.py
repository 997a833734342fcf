"""Pydantic models of every authored file kind; they are the schema (see `schemas.py`)."""

from .hub import Hub
from .status import Components, Incident, Maintenance
from .team import Member

FILE_KINDS = {"hub": Hub, "components": Components, "incident": Incident, "maintenance": Maintenance,
              "member": Member}

__all__ = ["FILE_KINDS", "Components", "Hub", "Incident", "Maintenance", "Member"]
