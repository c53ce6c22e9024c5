"""`publish export`: the data for analysts, as hive-partitioned Parquet or one DuckDB file, from the package whole or
one partition of departments at a time (`--partitions`)."""

from publish.export.run import FORMATS, ExportRefused, ExportResult, export

__all__ = ["FORMATS", "ExportRefused", "ExportResult", "export"]
