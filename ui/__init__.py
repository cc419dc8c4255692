"""The whosaid web chat (Gradio). See `ui.app.build_app` and `ui.app.launch`."""

from .app import build_app, launch

__all__ = ["build_app", "launch"]
