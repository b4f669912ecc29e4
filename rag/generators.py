"""Finding generators by name: the built-in ones, installed plug-ins, dotted paths.

A plug-in package registers a factory in the ``rag.generators`` entry-point
group; the factory is called as ``factory(config, pipeline)`` and returns a
:class:`~rag.generation.Generator`::

    [project.entry-points."rag.generators"]
    mygen = "mypackage.module:make_generator"

A dotted path (``"mypackage.module:make_generator"``) works as a name too.
"""

from __future__ import annotations

import importlib
from importlib import metadata

from .config import Config
from .errors import RagError
from .generation import Generator

BUILTIN = ("extractive", "openai")
GROUP = "rag.generators"


def _entry_points() -> dict:
    return {ep.name: ep for ep in metadata.entry_points(group=GROUP)}


def available_generators(config: Config) -> list[str]:
    names = list(BUILTIN) + sorted(set(_entry_points()) - set(BUILTIN))
    if config.generator not in names:
        names.append(config.generator)
    return names


def _openai(config: Config, pipeline) -> Generator:
    from .llm import OpenAIGenerator

    return OpenAIGenerator(config.llm_base_url, config.llm_model, config.llm_api_key, config.llm_timeout,
                           config.llm_max_retries, embedder=pipeline.embedder)


def _load(name: str):
    entry_points = _entry_points()
    if name in entry_points:
        try:
            return entry_points[name].load()
        except Exception as exc:
            raise RagError(f"cannot load generator plug-in {name!r}: {exc}") from None
    if ":" in name:
        module, _, attr = name.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise RagError(f"cannot import generator {name!r}: {exc}") from None
    raise RagError(f"unknown generator {name!r} (available: {', '.join(available_generators(Config()))})")


def make_generator(config: Config, pipeline) -> Generator:
    if config.generator == "extractive":
        generator = pipeline.extractive()
    elif config.generator == "openai":
        generator = _openai(config, pipeline)
    else:
        generator = _load(config.generator)(config, pipeline)
        if not isinstance(generator, Generator):
            raise RagError(f"generator {config.generator!r} has no name and generate(question, passages)")
    if config.fallback and config.fallback != config.generator:
        from .generation import FallbackGenerator

        generator = FallbackGenerator(generator, make_generator(config.replace(generator=config.fallback,
                                                                               fallback=""), pipeline))
    return generator
