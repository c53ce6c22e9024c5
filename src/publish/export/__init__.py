"""`publish export`: the data for analysts, as hive-partitioned Parquet or one DuckDB file."""

from publish.export.run import FORMATS, ExportRefused, ExportResult, export

__all__ = ["FORMATS", "ExportRefused", "ExportResult", "export"]
