"""Validation: path safety, the descriptor (frictionless), structure (the engine), then the budget rules;
incremental runs over what changed since a git revision, a package too large for memory in partitions of
departments, and `--fix` for the fixes that are certain."""

from publish.validate.fix import fix_package
from publish.validate.incremental import IncrementalError, validate_changed
from publish.validate.merging import counted, merged
from publish.validate.partitions import PartitionError, Renumbered, split_package, validate_in_partitions
from publish.validate.plan import plan as partition_plan
from publish.validate.records import Unsplittable
from publish.validate.run import validate

__all__ = [
    "IncrementalError",
    "PartitionError",
    "Renumbered",
    "Unsplittable",
    "counted",
    "fix_package",
    "merged",
    "partition_plan",
    "split_package",
    "validate",
    "validate_changed",
    "validate_in_partitions",
]
