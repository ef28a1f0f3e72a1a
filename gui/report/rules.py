"""PLACEHOLDER until issue 2's rules land: check(report) -> list[Problem]."""
from .problems import Problem


def check(report) -> list[Problem]:
    return []
