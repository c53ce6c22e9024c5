"""publish: Chinese county department budgets as Frictionless data packages."""

__version__ = "0.1.0"
