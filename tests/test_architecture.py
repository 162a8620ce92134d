"""The engine's folders show its pipeline: each stage imports only from the stages before it,
and nothing in the engine imports MkDocs (the adapter, hooks/mkdocs_hooks.py, is the only
place that does)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1] / "hooks" / "soapguide"
# The pipeline, in order. The composition root (soapguide/guide.py and other top-level
# modules) may import every stage.
STAGES = ("read", "check", "overlay", "render", "printing", "flow", "builder")


def engine_imports(module: Path) -> set[str]:
    """Absolute names of what ``module`` imports (relative imports resolved)."""
    package = module.relative_to(ENGINE.parent).with_suffix("").parts[:-1]
    names = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            target = ".".join((*base, node.module or "")).strip(".")
            names.add(target)
            if not node.module:
                names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] == "soapguide" and len(parts) > 1 and parts[1] in STAGES:
        return parts[1]
    return None


MODULES = sorted(ENGINE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(ENGINE).as_posix())
def test_engine_never_imports_mkdocs(module: Path) -> None:
    assert not {n for n in engine_imports(module) if n.split(".")[0] == "mkdocs"}


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(ENGINE).as_posix())
def test_a_stage_imports_only_from_stages_before_it(module: Path) -> None:
    own = stage_of(
        "soapguide." + module.relative_to(ENGINE).with_suffix("").as_posix().replace("/", ".")
    )
    if own is None:
        return  # the composition root wires every stage
    allowed = set(STAGES[: STAGES.index(own) + 1])
    later = {n for n in engine_imports(module) if (stage_of(n) or own) not in allowed}
    assert not later, f"{own} imports from a later stage: {sorted(later)}"


def test_the_stages_exist_as_folders() -> None:
    present = {path.name for path in ENGINE.iterdir() if (path / "__init__.py").exists()}
    assert {"read", "check", "overlay", "render", "printing", "flow", "builder"} <= present
