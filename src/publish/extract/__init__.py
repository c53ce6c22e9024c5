"""`publish extract`: read a published explanation text (.txt, .docx, text PDF) into a submission.

``extract`` returns an ``Extraction`` (rows by resource, provenance, what could not be read);
``write_submission`` writes it as a submission folder; ``check`` compares it with the package.
"""
