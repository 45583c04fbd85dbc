"""The chronology model: pure pydantic types and rules, no I/O, no Qt, no SQL (domain layer)."""
