"""Validation: path safety, the descriptor (frictionless), structure (the engine), then the budget rules;
incremental runs over what changed since a git revision, and `--fix` for the fixes that are certain."""

from publish.validate.fix import fix_package
from publish.validate.incremental import IncrementalError, validate_changed
from publish.validate.run import validate

__all__ = ["IncrementalError", "fix_package", "validate", "validate_changed"]
