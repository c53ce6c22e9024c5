"""The parts of `publish release`: versions, source date, hashes, archives, previous releases, the build."""
