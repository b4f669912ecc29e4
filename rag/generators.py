"""Choosing a generator by name."""

from __future__ import annotations

from .config import Config
from .errors import RagError


def available_generators(config: Config) -> list[str]:
    return ["extractive"]


def make_generator(config: Config, pipeline):
    if config.generator == "extractive":
        return pipeline.extractive()
    raise RagError(f"unknown generator {config.generator!r} (available: extractive)")
