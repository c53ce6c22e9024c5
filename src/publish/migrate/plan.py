"""The migration from data model v1 to v2, in order: one tuple of steps per concern."""

from __future__ import annotations

from publish.migrate.amounts import AMOUNTS
from publish.migrate.identity import IDENTITY
from publish.migrate.inconsistencies import INCONSISTENCIES
from publish.migrate.profiles import PROFILES
from publish.migrate.step import Step

PLAN: tuple[Step, ...] = (*IDENTITY, *AMOUNTS, *PROFILES, *INCONSISTENCIES)
