"""Start-up wiring of the order cycle: the triage model, loaded once and shared by handlers."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

log = logging.getLogger(__name__)


async def triage_hook(*, settings: Any, resources: dict[str, Any], extra: dict[str, Any]) -> None:
    """Load Triage (jieba + the model) once into extra["triage"], unless a hook already did."""
    if extra.get("triage") is not None:
        return
    from services.triage import Triage, active_model_dir, load_catalogue

    data_dir = getattr(settings, "data_dir", None)

    def _load() -> Any:
        model_dir = None
        if data_dir is not None:
            try:
                model_dir = active_model_dir(data_dir)
            except (OSError, ValueError):
                model_dir = None
        try:
            return Triage.load(
                model_dir=model_dir if model_dir and model_dir.exists() else None,
                cache_dir=None,
                catalogue=load_catalogue(),
            )
        except (OSError, ValueError):
            log.exception("the active triage model could not be loaded; using the shipped one")
            return Triage.load(catalogue=load_catalogue())

    extra["triage"] = await asyncio.to_thread(_load)
