"""Where a deployment keeps its triage files (all under the app's data directory).

<data_dir>/cache/jieba.cache          jieba's prefix-dictionary cache
<data_dir>/triage/catalogue.yaml      the deployment's own catalogue (default one if absent)
<data_dir>/triage/model/              the retrained model (the shipped one if absent)
<data_dir>/triage/examples.csv        the deployment's own labelled examples (if it has them)
<data_dir>/triage/corrections.csv     staff corrections, counted at the next retraining
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from services.triage.catalogue import Category, dump_catalogue, load_catalogue
from services.triage.core import Triage
from services.triage.model import MODEL_JSON, LinearModel, ModelError
from services.triage.training import active_model_dir, deployment_examples_path

EXAMPLES_FILE = "examples.csv"


def cache_dir(data_dir: Path) -> Path:
    """jieba's cache directory of a deployment."""
    return data_dir / "cache"


def catalogue_path(data_dir: Path) -> Path:
    """Where a deployment's own catalogue file lives."""
    return data_dir / "triage" / "catalogue.yaml"


def load_deployment_catalogue(data_dir: Path) -> list[Category]:
    """The deployment's catalogue, or the default one when it has none."""
    path = catalogue_path(data_dir)
    return load_catalogue(path if path.is_file() else None)


def save_deployment_catalogue(data_dir: Path, categories: list[Category]) -> None:
    """Validate and store a deployment's catalogue (used by the admin commands)."""
    dump_catalogue(categories, catalogue_path(data_dir))


def deployment_model_dir(data_dir: Path) -> Path | None:
    """The deployment's active model directory, or None for the shipped model."""
    active = active_model_dir(data_dir)
    return active if (active / MODEL_JSON).is_file() else None


def load_triage(
    *,
    data_dir: Path,
    model_dir: Path | None = None,
    codes_in_force: Callable[[], Iterable[str]] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Triage:
    """Load the triage a deployment runs with (call once at start-up, off the event loop).

    Without model_dir, the active model directory is watched: a model trained or switched on
    later replaces the loaded one. `codes_in_force` gives the categories in force as they
    change (the bot's catalogue, which the /category commands edit); by default the
    catalogue file as it is now.
    """
    return Triage.load(
        model_dir=model_dir or deployment_model_dir(data_dir),
        cache_dir=cache_dir(data_dir),
        catalogue=load_deployment_catalogue(data_dir),
        watch_dir=None if model_dir else active_model_dir(data_dir),
        codes_in_force=codes_in_force,
        clock=clock,
    )


def load_shipped_triage(
    *,
    data_dir: Path,
    catalogue: list[Category],
    codes_in_force: Callable[[], Iterable[str]] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Triage:
    """The shipped model, for a bot whose own model could not be loaded at start-up; it still
    watches the active model directory, so the next good model written there is taken up."""
    return Triage.load(
        catalogue=catalogue,
        watch_dir=active_model_dir(data_dir),
        codes_in_force=codes_in_force,
        clock=clock,
    )


def activate_model(*, data_dir: Path, model_dir: Path) -> Path:
    """Switch a deployment to a model trained into another directory (checked first)."""
    model = LinearModel.load(model_dir)
    codes = {c.code for c in load_deployment_catalogue(data_dir)}
    unknown = [label for label in model.labels if label not in codes]
    if unknown:
        raise ModelError(f"{model_dir}: categories not in the catalogue: {', '.join(unknown)}")
    target = active_model_dir(data_dir)
    if target.resolve() == model_dir.resolve():
        return target
    keep_examples(data_dir=data_dir, model_dir=model_dir)
    model.save(target)  # atomic: the bot reloads the old model whole or the new one whole
    return target


def keep_examples(*, data_dir: Path, model_dir: Path) -> None:
    """Make a model's own training examples the base of the deployment's retrainings."""
    examples = model_dir / EXAMPLES_FILE
    if examples.is_file():
        target = deployment_examples_path(data_dir)
        if target.resolve() != examples.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".tmp")
            shutil.copyfile(examples, partial)
            partial.replace(target)  # whole or not at all
