"""The parts of `publish release`: versions, source date, hashes, archives, previous releases, the build."""

from publish.release.archive import UnsafeArchive
from publish.release.changelog import body
from publish.release.comparison import diff
from publish.release.run import ReleaseRefused, release
from publish.release.verification import verify

__all__ = ["ReleaseRefused", "UnsafeArchive", "body", "diff", "release", "verify"]
