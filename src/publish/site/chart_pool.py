"""The charts of every department page, drawn on all the machine's cores when there are many pages.

vl-convert draws one chart at a time in one thread, and the charts are most of a site's build time (about 0.15 s of
CPU a page). A package of many department-years has its pages' charts drawn by a pool of worker processes, one per
core; each worker registers the layout font once. The workers are started fresh ("spawn"), never forked from a
process that has already started polars' or vl-convert's threads. A small package is drawn in this process: starting
workers would cost more than it saves. The result is the same either way, page for page.
"""

from __future__ import annotations

import os

from publish.site.charts import Chart, charts_for
from publish.site.model import DepartmentYear, SiteData

POOL_FROM_PAGES = 40  # below this many pages the charts are drawn in this process
PAGES_PER_TASK = 8
WORKERS = min(os.cpu_count() or 1, 8)


def charts_of_every_page(site: SiteData) -> list[list[Chart]]:
    """The charts of each of ``site.department_years``, in that order."""
    work = [(view, site.history(view)) for view in site.department_years]
    if len(work) < POOL_FROM_PAGES or WORKERS < 2:
        return [charts_for(view, history) for view, history in work]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        return list(pool.map(_charts_of, work, chunksize=PAGES_PER_TASK))


def _charts_of(work: tuple[DepartmentYear, list[DepartmentYear]]) -> list[Chart]:
    view, history = work
    return charts_for(view, history)
