"""The columnar validation engine: read each table once, check whole columns at a time.

It keeps frictionless's semantics for structure (the same error types on the same rows) and
uses frictionless's own cell readers only for the rare cells that the vectorised fast path
cannot decide, so the two agree by construction.
"""
