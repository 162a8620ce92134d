"""Dates as YAML gives them: a date when unquoted, text when quoted."""

from __future__ import annotations

import datetime as dt


def as_date(value: object) -> dt.date:
    """A YAML date: unquoted it is read as a date, quoted as text (the schema allows both)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
