"""The ministry server: an HTTP API (FastAPI) over the same services and database models as the desktop."""
