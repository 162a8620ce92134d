"""The GitHub Actions workflows pass actionlint and do what the README says they do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml


def find_actionlint() -> str:
    """The actionlint installed into this Python's environment (requirements.txt)."""
    search_path = os.pathsep.join(
        [str(Path(sys.executable).parent), sysconfig.get_path("scripts"), os.environ["PATH"]]
    )
    found = shutil.which("actionlint", path=search_path)
    if found is None:
        pytest.fail("actionlint not found: run `make setup` (requirements.txt installs it)")
    return found


@pytest.fixture(scope="module")
def workflows_dir(repo_root: Path) -> Path:
    return repo_root / ".github" / "workflows"


def load_workflow(path: Path) -> dict:
    # PyYAML (YAML 1.1) reads the key `on:` as the boolean True; nothing below needs it.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps_of(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflows_pass_actionlint(workflows_dir: Path) -> None:
    files = sorted(workflows_dir.glob("*.yml")) + sorted(workflows_dir.glob("*.yaml"))
    assert files, f"no workflow files in {workflows_dir}"
    # shellcheck and pyflakes are switched off so the result does not depend on what else
    # happens to be on PATH (GitHub's runners have shellcheck, this machine may not).
    result = subprocess.run(
        [find_actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        f"actionlint exited {result.returncode}:\n{result.stdout}{result.stderr}"
    )


def test_tests_workflow_runs_make_test(workflows_dir: Path) -> None:
    workflow = load_workflow(workflows_dir / "tests.yml")
    runs = [step.get("run", "") for step in steps_of(workflow)]
    assert any(line.strip() == "make test" for run in runs for line in run.splitlines()), (
        f"no step runs `make test`: {runs}"
    )


def test_tests_workflow_runs_the_oldest_and_the_newest_python(workflows_dir: Path) -> None:
    workflow = load_workflow(workflows_dir / "tests.yml")
    job = workflow["jobs"]["test"]
    versions = job["strategy"]["matrix"]["python"]
    assert versions[0] == "3.11" and len(versions) >= 2, versions
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    assert job["env"]["PYTHON"] == "python", "setup.sh must use the Python of the matrix"


def test_pages_workflow_uploads_and_deploys_the_site(workflows_dir: Path) -> None:
    workflow = load_workflow(workflows_dir / "pages.yml")
    uses = [step.get("uses", "") for step in steps_of(workflow)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses), uses
    assert any(u.startswith("actions/deploy-pages@") for u in uses), uses
    runs = [step.get("run", "") for step in steps_of(workflow)]
    assert any("mkdocs build --strict" in run for run in runs), f"no site build: {runs}"


def test_pages_workflow_builds_with_the_site_s_address(workflows_dir: Path) -> None:
    """The build gets the Pages address (SITE_URL, which mkdocs.yml reads as site_url) from
    actions/configure-pages, run before it: the page for a missing address then links to the
    guide's pages on a project site (https://<owner>.github.io/<repository>/) too."""
    steps = steps_of(load_workflow(workflows_dir / "pages.yml"))
    configure = next(
        i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/configure-pages@")
    )
    build = next(i for i, s in enumerate(steps) if "mkdocs build" in s.get("run", ""))
    assert configure < build, "configure-pages must run before the build"
    step_id = steps[configure].get("id")
    assert step_id, "configure-pages needs an id for its outputs"
    site_url = steps[build].get("env", {}).get("SITE_URL")
    assert site_url == f"${{{{ steps.{step_id}.outputs.base_url }}}}", site_url


def test_pages_workflow_installs_only_the_runtime_set(workflows_dir: Path) -> None:
    """The deploy installs requirements.txt and nothing else: no test or lint tools, no
    `make` target (make test or make setup would install them)."""
    workflow = load_workflow(workflows_dir / "pages.yml")
    lines = [
        line.strip()
        for step in steps_of(workflow)
        for line in step.get("run", "").splitlines()
        if line.strip()
    ]
    installs = [line for line in lines if "install" in line.split()]
    assert installs == ["python -m pip install --disable-pip-version-check -r requirements.txt"], (
        installs
    )
    assert not any(line.split()[0] in {"make", "uv", "pipx", "uvx"} for line in lines), lines
    assert "requirements-test" not in str(workflow)
