"""The local web app (``detente serve``): the report's views, live over the store."""

from detente.web.app import create_app

__all__ = ["create_app"]
