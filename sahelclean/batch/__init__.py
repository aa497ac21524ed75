"""Many pages: the run (runner), the worker pool, the page time budget, outputs and
writers, the manifest of incremental runs, partitions for clusters, and profile learning.
"""
