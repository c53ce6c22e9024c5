"""`publish extract`: read a published explanation text (.txt, .docx, text PDF) into a submission.

``extract`` returns an ``Extraction`` (rows by resource, provenance, what could not be read);
``write_submission`` writes it as a submission folder; ``check`` compares it with the package;
``extract_folder`` does the first two for every document of a folder.
"""

from publish.extract.errors import ExtractError
from publish.extract.folder import FolderRun, extract_folder
from publish.extract.identity import parse_overrides
from publish.extract.output import OutputError
from publish.extract.readers import DocumentError
from publish.extract.run import check_text, extract_submission

__all__ = [
    "DocumentError",
    "ExtractError",
    "FolderRun",
    "OutputError",
    "check_text",
    "extract_folder",
    "extract_submission",
    "parse_overrides",
]
