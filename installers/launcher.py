"""Entry point of the frozen program: the same as ``kpi-desk`` / ``python -m app``."""


from app.cli import run

if __name__ == "__main__":
    run()
