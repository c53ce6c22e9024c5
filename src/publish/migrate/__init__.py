"""Moving a package made with an older data model to the current one, with no figure changed.

A migration is a plan: an ordered tuple of declarative steps (`step.py`), one module per concern
(`plan.py` lists them; `identity.py` is data model v2's document identity). `apply.py` says what each step
does to a package in memory; `run.py` applies the plan to a package on disk, rewriting each schema and its
CSV together, atomically.
"""

from publish.migrate.plan import PLAN
from publish.migrate.run import Migration, MigrationRefused, migrate, next_major
from publish.migrate.step import AddField, AddForeignKey, AddResource, SetConstraints, Step

__all__ = [
    "PLAN",
    "AddField",
    "AddForeignKey",
    "AddResource",
    "Migration",
    "MigrationRefused",
    "SetConstraints",
    "Step",
    "migrate",
    "next_major",
]
