"""An authored file's model as read in one language (the hub, a team member): every translatable text it holds (and
our defaults) said in that language, or shown as written, saying its language, where the author has not translated
it."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from .fields import Translated
from .i18n import OurWords, Reading

Model = TypeVar("Model", bound=BaseModel)


def read_in(model: Model, reading: Reading) -> Model:
    """A copy of `model` (the hub, a member, or any part of them) with each translatable text in `reading`'s language."""
    return model.model_copy(update={name: _read_value(getattr(model, name), reading)
                                    for name in type(model).model_fields})


def _read_value(value: object, reading: Reading) -> object:
    if isinstance(value, (Translated, OurWords)):
        return reading.text(value)
    if isinstance(value, BaseModel):
        return read_in(value, reading)
    if isinstance(value, list):
        return [_read_value(item, reading) for item in value]
    return value
