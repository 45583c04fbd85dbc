"""The case's safety plan: the form to agree, review or change it, and every version (ui layer)."""
