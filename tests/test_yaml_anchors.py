"""YAML anchors ('&name') and aliases ('*name') are refused in data/ and office/: the content
never needs them, and a few lines of nested aliases (the "billion laughs" file) would expand
to hundreds of millions of values. The error names the file, line and column, and the build
fails at once instead of hanging."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from soapguide.guide import load_content
from soapguide.read.errors import ContentErrors
from soapguide.read.yaml_source import load_yaml

REPO = Path(__file__).resolve().parents[1]
LAUGHS = Path(__file__).parent / "yaml_fixtures" / "billion_laughs.yml"
MEMORY_LIMIT = 1024**3  # bytes: far more than loading any content file needs


def load(tmp_path: Path, text: str, display: str = "data/faq.yml"):
    path = tmp_path / Path(display).name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_yaml(path, display)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_the_billion_laughs_file_is_refused_at_once_naming_file_and_line():
    # In a child process with a deadline and a memory ceiling: a loader that expanded the
    # aliases would run out of either, and must not take the test machine down with it.
    code = (
        "import sys; from pathlib import Path\n"
        "from soapguide.read.yaml_source import load_yaml\n"
        "document, errors = load_yaml(Path(sys.argv[1]), 'office/office.yml')\n"
        "print(document is None)\n"
        "print(*errors, sep='\\n')\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code, str(LAUGHS)],
            cwd=REPO / "hooks",
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("loading the billion-laughs file did not finish within 60 s")
    assert result.returncode == 0, result.stderr[-2000:]
    refused, *report = result.stdout.splitlines()
    assert refused == "True"
    assert report[0].startswith("office/office.yml:2:4: '&a' is a YAML anchor")


@pytest.mark.parametrize(
    ("text", "line", "column", "says"),
    [
        ("title: &name Call guide\nother: *name\n", 1, 8, "'&name' is a YAML anchor"),
        ("items:\n  - id: a\n    text: Hello\n  - id: b\n    text: *hello\n", 5, 11, "'*hello'"),
        (
            "base: &base {id: x, text: Hi}\nitem:\n  <<: *base\n  id: y\n",
            1,
            7,
            "'&base' is a YAML anchor",
        ),
        ("- &first one\n- two\n", 1, 3, "'&first' is a YAML anchor"),
    ],
    ids=["anchor-and-alias", "undefined-alias", "merge-key", "anchor-in-a-list"],
)
def test_an_anchor_or_alias_is_an_error_at_its_place(tmp_path, text, line, column, says):
    document, errors = load(tmp_path, text)
    assert document is None
    assert errors, "no error"
    first = errors[0]
    assert (first.file, first.line, first.column) == ("data/faq.yml", line, column)
    assert says in first.message
    assert "in quotes" in first.hint


def test_every_line_with_an_anchor_or_alias_is_reported_up_to_ten(tmp_path):
    text = "".join(f"k{n}: &a{n} v\n" for n in range(14))
    _, errors = load(tmp_path, text)
    assert [e.line for e in errors[:10]] == list(range(1, 11))
    assert "4 more lines" in errors[10].message and errors[10].line == 11
    assert len(errors) == 11


@pytest.mark.parametrize(
    "text",
    [
        'text: "&amp; more"\n',
        "text: 'Q & A'\n",
        "text: Q&A and R&D\n",
        'text: "*italic* first"\n',
        "text: This is **bold** and *italic*.\n",
        "text: >-\n  A long text with **bold**\n  and a * star.\n",
        "items: ['a & b', '*c*']\n",
    ],
)
def test_ampersands_and_stars_in_text_are_fine(tmp_path, text):
    document, errors = load(tmp_path, text)
    assert not errors
    assert document is not None


def test_an_anchor_in_data_stops_the_whole_check_naming_the_file(tmp_path):
    data = shutil.copytree(REPO / "data", tmp_path / "data")
    meta = data / "meta.yml"
    lines = meta.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("site_name:"))
    lines[at] = lines[at].replace("site_name: ", "site_name: &name ", 1)
    meta.write_text("".join(lines), "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    assert f"data/meta.yml:{at + 1}:12: '&name' is a YAML anchor" in raised.value.report()
