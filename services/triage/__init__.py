"""Triage (分析民情): category suggestion, urgency, keywords, duplicates and PII masking."""

from services.triage.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    CatalogueError,
    Category,
    category_by_code,
    dump_catalogue,
    load_catalogue,
    parse_catalogue,
    with_category,
    with_deadline,
    without_category,
)
from services.triage.core import Triage, TriageResult
from services.triage.deployment import (
    activate_model,
    load_deployment_catalogue,
    load_triage,
    save_deployment_catalogue,
)
from services.triage.duplicates import (
    DUPLICATE_CLOCK_SLACK,
    DUPLICATE_OFFER_THRESHOLD,
    DUPLICATE_SUGGEST_THRESHOLD,
    DUPLICATE_WINDOW,
    DuplicateCandidate,
    duplicates_among,
    find_duplicates,
)
from services.triage.model import SHIPPED_MODEL_DIR, ModelError
from services.triage.pii import contains_pii, mask_pii
from services.triage.training import (
    TrainingError,
    TrainReport,
    active_model_dir,
    read_corrections,
    read_examples_csv,
    record_correction,
    retrain,
    seed_examples,
    train_model,
)
from services.triage.urgency import is_urgent, urgent_reasons

__all__ = [
    "DEFAULT_CATALOGUE_PATH",
    "DUPLICATE_CLOCK_SLACK",
    "DUPLICATE_OFFER_THRESHOLD",
    "DUPLICATE_SUGGEST_THRESHOLD",
    "DUPLICATE_WINDOW",
    "SHIPPED_MODEL_DIR",
    "CatalogueError",
    "Category",
    "DuplicateCandidate",
    "ModelError",
    "TrainReport",
    "TrainingError",
    "Triage",
    "TriageResult",
    "activate_model",
    "active_model_dir",
    "category_by_code",
    "contains_pii",
    "dump_catalogue",
    "duplicates_among",
    "find_duplicates",
    "is_urgent",
    "load_catalogue",
    "load_deployment_catalogue",
    "load_triage",
    "mask_pii",
    "parse_catalogue",
    "read_corrections",
    "read_examples_csv",
    "record_correction",
    "retrain",
    "save_deployment_catalogue",
    "seed_examples",
    "train_model",
    "urgent_reasons",
    "with_category",
    "with_deadline",
    "without_category",
]
