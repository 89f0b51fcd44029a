"""Start-up wiring of the order cycle: the triage model, loaded once and shared by handlers."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


async def triage_hook(*, settings: Any, resources: dict[str, Any], extra: dict[str, Any]) -> None:
    """Load Triage (jieba + the model) once into extra["triage"], unless a hook already did."""
    if extra.get("triage") is not None:
        return
    from services.triage import Triage, load_catalogue, load_triage

    data_dir = Path(getattr(settings, "data_dir", "data"))

    def _load() -> Any:
        # The deployment's catalogue and retrained model when it has them; jieba's cache in the
        # data directory; a model retrained later is picked up without a restart.
        try:
            return load_triage(data_dir=data_dir)
        except (OSError, ValueError):
            log.exception("the deployment's triage could not be loaded; using the shipped one")
            return Triage.load(catalogue=load_catalogue())

    triage = await asyncio.to_thread(_load)
    extra["triage"] = triage
    from services.order_common import use_catalogue
    from services.triage import load_deployment_catalogue

    use_catalogue(load_deployment_catalogue(data_dir))
