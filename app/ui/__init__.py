"""The Qt layer. Only this package imports PySide6; it calls services and never runs SQL itself."""
