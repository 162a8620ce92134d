"""`mkdocs serve` rebuilds when a content file in data/ is saved."""

from __future__ import annotations

import yaml

from tests.guide_content import site_content
from tests.scenario import copy_project
from tests.serve_support import fetch, free_port, mkdocs_serve, wait_for


def page_showing(built_site, item_id: str) -> str:
    """The URL path of the first built page with an element of id ``item_id``."""
    for html_file in sorted(built_site.rglob("index.html")):
        if f'id="{item_id}"' in html_file.read_text("utf-8"):
            return html_file.relative_to(built_site).parent.as_posix().strip(".") + "/"
    raise AssertionError(f"no page shows {item_id}")


def test_editing_a_data_file_during_serve_rebuilds_the_page(tmp_path, built_site):
    question = site_content()["faq"]["questions"][0]  # any question, on the page that shows it
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page_showing(built_site, question['id']).lstrip('/')}"
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, port, log):
        assert wait_for(lambda: fetch(url) is not None, 60), "mkdocs serve did not start"
        faq = project / "data" / "faq.yml"
        new_question = "Edited while serving, does the page rebuild?"
        assert new_question not in (fetch(url) or "")
        document = yaml.safe_load(faq.read_text("utf-8"))
        next(q for q in document["questions"] if q["id"] == question["id"])["question"] = (
            new_question
        )
        faq.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
        assert wait_for(lambda: new_question in (fetch(url) or ""), 30), (
            f"{url} did not change after data/faq.yml was edited\n" + log.read_text()
        )
