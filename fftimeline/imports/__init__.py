"""Spreadsheet and CSV imports (imports layer): not built yet.

Reserved so the layer contracts in pyproject.toml already cover it: readers here will turn
an xlsx/csv into an import plan with per-row errors, and only this package and export/ may
import openpyxl.
"""
