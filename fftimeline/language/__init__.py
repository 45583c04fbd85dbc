"""Wording checker (language layer, pure): not built yet.

Reserved so the layer contracts already cover it: it will flag wording that guidance advises
against (see ../shared/reference/language-guidance.md), with rules kept as data.
"""
