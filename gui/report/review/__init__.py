"""The county review (县级审查) of many units' reports: Qt-free.

collect.py finds the files, pool.py reads them on every core with a time limit, examine.py reads
and checks one file in a worker, compare.py finds what only a comparison shows, run.py puts it
together into a Review (model.py), workbook.py writes and reopens the review workbook, letters.py
writes the reply to each unit.
"""
from .model import (NEEDS_CHANGES, PUBLISHABLE, UNREADABLE, CrossFinding, Finding, Review,
                    Skipped, UnitReview)
from .run import review

__all__ = ["review", "Review", "UnitReview", "Finding", "CrossFinding", "Skipped", "PUBLISHABLE",
           "NEEDS_CHANGES", "UNREADABLE"]
