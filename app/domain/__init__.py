"""Pure domain logic: scoring, grades, validation, calendar and Thai text. No Qt, no database."""
