"""The limits of what the engine reads, in one place (docs/limits.md lists them for users).

Each limit is far beyond any budget package and well inside what a CI runner can hold; input past one
is refused with a finding that names the limit and what to do, never read until memory or time runs out.
"""

MAX_FILE_BYTES = 512 << 20  # a data file larger than this is not read (source-error)
MAX_LINE_BYTES = 1 << 20  # a line longer than twice this is refused before parsing (source-error)
MAX_FIELDS = 1_000  # fields in one Table Schema (limit-exceeded); a budget table has ~15
MAX_ENUM_VALUES = 100_000  # values in one `enum` constraint (limit-exceeded); use a code list and a foreign key
PATTERN_SECONDS = 2.0  # time one `pattern` may take over one column on the Python path (limit-exceeded)
LARGEST_CENTI = 10**17  # a number beyond ±10^15 (in hundredths) is not a budget figure (number-out-of-range)
