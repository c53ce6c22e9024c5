"""Moving a package made with an older data model to the current one, with no figure changed.

A migration is a plan: an ordered tuple of declarative steps (`step.py`), one module per concern
(`plan.py` lists them). Applying the plan rewrites each schema and its CSV together, atomically.
"""

from publish.migrate.plan import PLAN
from publish.migrate.step import AddField, AddResource, SetConstraints, Step

__all__ = ["PLAN", "AddField", "AddResource", "SetConstraints", "Step"]
