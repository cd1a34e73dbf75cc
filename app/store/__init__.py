"""Opening, migrating and backing up the database; the only place that creates engines and sessions."""

from app.store.open import Store, open_store

__all__ = ["Store", "open_store"]
