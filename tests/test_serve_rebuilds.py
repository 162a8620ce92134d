"""`mkdocs serve` rebuilds when a content file in data/ is saved."""

from __future__ import annotations

from tests.scenario import copy_project
from tests.serve_support import fetch, free_port, mkdocs_serve, wait_for


def test_editing_a_data_file_during_serve_rebuilds_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/faq/"
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, port, log):
        assert wait_for(lambda: fetch(url) is not None, 60), "mkdocs serve did not start"
        faq = project / "data" / "faq.yml"
        new_question = "Edited while serving, does the page rebuild?"
        faq.write_text(
            faq.read_text("utf-8").replace(
                "After SOAP, should I call every program that interviewed me?", new_question
            ),
            encoding="utf-8",
        )
        assert wait_for(lambda: new_question in (fetch(url) or ""), 30), (
            "the FAQ page did not change after data/faq.yml was edited\n" + log.read_text()
        )
