"""The table editors of the wizard: the official tables 二、三、四 as editable spreadsheets."""
from .editor import TableEditor

__all__ = ["TableEditor"]
