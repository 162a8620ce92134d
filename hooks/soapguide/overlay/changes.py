"""Apply an office's content changes by id: replace fields, add items, remove items, add local
steps to the flow's outcomes, and put the office's site name in place of the upstream one.

The result is ordinary ``Content`` that the render stage reads like any other, except that each
changed file is an ``OverlaidDocument`` (``rebuild``): it remembers which parts came from
office.yml and locates them there. The cross-file checks then run again on the overlaid
content, and every problem they find is reported where the office can act on it: a part the
office wrote is reported at its line in office.yml; something that still needs a removed item
names both the removal and the place that needs it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..check.checks import CROSS_CHECKS
from ..check.schemas import schema_errors
from ..read.content import Content
from ..read.errors import ContentError
from ..read.suggest import did_you_mean
from ..read.yaml_source import DataPath, YamlDocument, format_path
from .office import Office
from .rebuild import OverlaidDocument, Plan, Rebuilder
from .schema import item_schema_at

CrossCheck = Callable[[Content], list[ContentError]]

# Files an office may not change, and why (shown in the error).
PROTECTED = {
    "rules": "data/rules.yml states the NRMP's contact rule, which the guide puts first; an "
    "office cannot change or remove it",
}
_QUOTED = re.compile(r"'([a-z0-9]+(?:-[a-z0-9]+)*)'")
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class ContentChanges:
    """What an office changed, by id, with where each change is written (``file:line``)."""

    replaced: Mapping[str, str] = field(default_factory=dict)
    added: Mapping[str, str] = field(default_factory=dict)
    removed: Mapping[str, str] = field(default_factory=dict)
    flow_steps: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # outcome -> steps


def apply_changes(
    content: Content,
    office: Office,
    data_schemas: Mapping[str, Any],
    schemas_label: str = "schemas",
    later_checks: Sequence[CrossCheck] = (),
    checked: bool = False,
) -> tuple[Content, ContentChanges, list[ContentError]]:
    """``content`` with the office's changes, what changed, and every problem found.
    ``checked``: these changes passed every check on this content before (check/cache.py):
    the items are not held against their schemas, nor the cross-file checks run, again."""
    planner = _Planner(content, office, data_schemas, schemas_label, checked)
    plan = planner.plan()
    if planner.errors:
        return content, planner.changes(), planner.errors
    documents = dict(content.documents)
    for name in sorted(plan.files | {"meta"}):
        if name in documents:
            documents[name] = Rebuilder(documents[name], office, plan).build(name)
    errors = planner.not_applied(plan)
    overlaid = dataclasses.replace(content, documents=documents)
    if not errors and not checked:
        errors = _cross_check(overlaid, office, planner.changes(), later_checks)
    return overlaid, planner.changes(), errors


class _Planner:
    """Check each change against the content and turn the valid ones into a plan."""

    def __init__(
        self,
        content: Content,
        office: Office,
        data_schemas: Mapping[str, Any],
        schemas_label: str,
        checked: bool = False,
    ):
        self.content = content
        self.office = office
        self.checked = checked
        self.document = office.document
        self.data_schemas = data_schemas
        self.schemas_label = schemas_label
        self.errors: list[ContentError] = []
        # id -> (data file, path of the item)
        self.items: dict[str, tuple[str, DataPath]] = {}
        for name in content.documents:
            for path, item in content.items_with_ids(name):
                self.items.setdefault(str(item["id"]), (name, path))
        self._plan = Plan()
        self._replaced: dict[str, str] = {}
        self._added: dict[str, str] = {}
        self._removed: dict[str, str] = {}
        self._steps: dict[str, list[str]] = {}

    def changes(self) -> ContentChanges:
        return ContentChanges(
            dict(self._replaced),
            dict(self._added),
            dict(self._removed),
            {key: tuple(value) for key, value in self._steps.items()},
        )

    def error(self, path: DataPath, message: str, hint: str, at_key: bool = False) -> None:
        self.errors.append(self.document.error(path, message, hint, at_key=at_key))

    def plan(self) -> Plan:
        data = self.office.data
        for index, item_id in enumerate(data.get("remove") or []):
            self._remove(index, str(item_id))
        for index, entry in enumerate(data.get("replace") or []):
            self._replace(index, entry)
        for index, entry in enumerate(data.get("add") or []):
            self._add(index, entry)
        for index, entry in enumerate(data.get("flow_steps") or []):
            self._flow_step(index, entry)
        return self._plan

    # --- finding targets ---------------------------------------------------------------------

    def _known(self, item_id: str, path: DataPath, what: str) -> tuple[str, DataPath] | None:
        """The item ``item_id`` names, or an error that names the closest ids."""
        found = self.items.get(item_id)
        if found is not None:
            return found
        if item_id in self._added:
            self.error(
                path,
                f"'{item_id}' is an item this file adds ({self._added[item_id]}); {what} "
                "names an item of the guide in data/",
                "change the added item itself under add:",
            )
            return None
        self.error(
            path,
            f"unknown id '{item_id}': no item in data/ has it",
            (
                did_you_mean(item_id, self.items, limit=3)
                or "copy the id from the item's data file (data/faq.yml and so on), as written"
            ),
        )
        return None

    def _protected(self, item_id: str, name: str, path: DataPath) -> bool:
        if name in PROTECTED:
            self.error(
                path,
                f"'{item_id}' is in data/{name}.yml: {PROTECTED[name]}",
                "add a note to the rule's page instead (notes: with at: rules.md)",
            )
            return True
        return False

    # --- each kind of change -----------------------------------------------------------------

    def _remove(self, index: int, item_id: str) -> None:
        path = ("remove", index)
        found = self._known(item_id, path, "remove:")
        if found is None or self._protected(item_id, found[0], path):
            return
        name, item_path = found
        siblings = self.content.documents[name].data
        for part in item_path[:-1]:
            siblings = siblings[part]
        left = [s for s in siblings if isinstance(s, dict) and s.get("id") not in self._plan.remove]
        if len(left) <= 1:
            self.error(
                path,
                f"removing '{item_id}' would leave its list in data/{name}.yml empty",
                "keep at least one item; to leave out a whole page or section, use hide:",
            )
            return
        self._plan.remove[item_id] = index
        self._plan.files.add(name)
        self._removed[item_id] = self.office.place(path)

    def _replace(self, index: int, entry: Mapping[str, Any]) -> None:
        path = ("replace", index)
        item_id = str(entry["id"])
        found = self._known(item_id, (*path, "id"), "replace:")
        if found is None or self._protected(item_id, found[0], (*path, "id")):
            return
        if item_id in self._plan.remove:
            self.error(
                (*path, "id"),
                f"'{item_id}' is replaced here but also removed ({self._removed[item_id]})",
                "keep one of the two: delete the replace entry, or the id under remove:",
            )
            return
        if item_id in self._plan.replace:
            self.error(
                (*path, "id"),
                f"'{item_id}' is already replaced at {self._replaced[item_id]}",
                "put all the fields you change in one replace entry",
            )
            return
        fields = {key: value for key, value in entry.items() if key != "id"}
        if not fields:
            self.error(
                (*path, "id"),
                f"the replace entry for '{item_id}' changes no field",
                "add the fields to replace under the id, like 'answer: …', or delete the entry",
            )
            return
        name, item_path = found
        original = self._value(name, item_path)
        merged = {**original, **fields}
        if not self._fits(name, item_path[:-1], merged, path, {"id"}):
            return
        self._plan.replace[item_id] = index
        self._plan.files.add(name)
        self._replaced[item_id] = self.office.place(path)

    def _add(self, index: int, entry: Mapping[str, Any]) -> None:
        path = ("add", index)
        anchors = [key for key in ("after", "before") if key in entry]
        new_id = str(entry["id"])
        if len(anchors) != 1:
            self.error(
                (*path, "id"),
                f"say where to add '{new_id}': "
                + ("give after: or before:, not both" if anchors else "after: or before: an id"),
                "write 'after: <id>' (or 'before: <id>') with the id of an item in the list "
                "the new item belongs to",
            )
            return
        anchor_key = anchors[0]
        anchor = str(entry[anchor_key])
        found = self._known(anchor, (*path, anchor_key), f"{anchor_key}:")
        if found is None or self._protected(anchor, found[0], (*path, anchor_key)):
            return
        if anchor in self._plan.remove:
            self.error(
                (*path, anchor_key),
                f"'{anchor}' is removed ({self._removed[anchor]}), so nothing can be added "
                f"{anchor_key} it",
                "place the new item next to another item of the same list",
            )
            return
        if new_id in self.items:
            name, item_path = self.items[new_id]
            self.error(
                (*path, "id"),
                f"the id '{new_id}' is already used in data/{name}.yml "
                f"(line {self.content.documents[name].locate(item_path).line})",
                "give the new item an id of its own; to change that item, use replace:",
            )
            return
        if new_id in self._added:
            self.error(
                (*path, "id"),
                f"the id '{new_id}' is already added at {self._added[new_id]}",
                "give each new item its own id",
            )
            return
        name, item_path = found
        item = {key: value for key, value in entry.items() if key not in anchors}
        if not self._fits(name, item_path[:-1], item, path, set(anchors)):
            return
        getattr(self._plan, anchor_key).setdefault(anchor, []).append(index)
        self._plan.files.add(name)
        self._added[new_id] = self.office.place(path)

    def _flow_step(self, index: int, entry: Mapping[str, Any]) -> None:
        path = ("flow_steps", index)
        if "flow" not in self.content:
            self.error(path, "the guide has no flow (data/flow.yml)", "delete flow_steps:")
            return
        outcomes = [
            item
            for item in self.content["flow"].get("outcomes", [])
            if isinstance(item, dict) and "id" in item
        ]
        verdicts = sorted({str(o.get("verdict")) for o in outcomes})
        ids = [str(o["id"]) for o in outcomes]
        targets: list[str] = []
        for position, name in enumerate(entry["to"]):
            name = str(name)
            if name in verdicts:
                targets += [
                    str(o["id"])
                    for o in outcomes
                    if o.get("verdict") == name and o["id"] not in self._plan.remove
                ]
            elif name in ids:
                if name in self._plan.remove:
                    self.error(
                        (*path, "to", position),
                        f"the outcome '{name}' is removed ({self._removed[name]})",
                        "add the step to another outcome, or keep this one",
                    )
                    return
                targets.append(name)
            else:
                self.error(
                    (*path, "to", position),
                    f"'{name}' is neither a verdict ({', '.join(verdicts)}) nor the id of an "
                    "outcome in data/flow.yml",
                    (
                        did_you_mean(name, verdicts + ids, limit=2)
                        or "write a verdict, like call, or an outcome id, like o-call-director"
                    ),
                )
                return
        where = entry.get("position", "first")
        steps = self._plan.first_steps if where == "first" else self._plan.last_steps
        for outcome_id in dict.fromkeys(targets):
            steps.setdefault(outcome_id, []).append(index)
            self._steps.setdefault(outcome_id, []).append(str(entry["text"]))
        self._plan.files.add("flow")

    # --- helpers -----------------------------------------------------------------------------

    def _value(self, name: str, path: DataPath) -> Any:
        value = self.content.documents[name].data
        for part in path:
            value = value[part]
        return value

    def _fits(
        self,
        name: str,
        list_path: DataPath,
        item: Mapping[str, Any],
        entry_path: DataPath,
        not_fields: set[str],
    ) -> bool:
        """Check ``item`` against the schema of the list it lands in; report at the entry."""
        if self.checked:
            return True
        item_schema = item_schema_at(self.data_schemas.get(name), list_path)
        if item_schema is None:
            return True
        view = _entry_view(self.document, entry_path, item, not_fields)
        problems = schema_errors(view, item_schema, f"{self.schemas_label}/{name}.schema.json")
        for problem in problems:
            where = _join_path(format_path(entry_path), problem.where)
            message = problem.message
            if message.startswith("missing key"):
                message += f" (items in data/{name}.yml have it)"
            self.errors.append(dataclasses.replace(problem, where=where, message=message))
        return not problems

    def not_applied(self, plan: Plan) -> list[ContentError]:
        """Changes to an item inside a field that another replace entry replaces whole."""
        errors = []
        targets = {
            **{i: ("replace", n, "id") for i, n in plan.replace.items()},
            **{i: ("remove", n) for i, n in plan.remove.items()},
            **{i: ("add", ns[0], "after") for i, ns in plan.after.items()},
            **{i: ("add", ns[0], "before") for i, ns in plan.before.items()},
            **{i: ("flow_steps", ns[0]) for i, ns in plan.first_steps.items()},
            **{i: ("flow_steps", ns[0]) for i, ns in plan.last_steps.items()},
        }
        for item_id, path in targets.items():
            if item_id not in plan.applied:
                self.error(
                    path,
                    f"'{item_id}' is inside a field that another replace entry replaces whole, "
                    "so this change would be lost",
                    "make the change in that replace entry's text instead",
                )
                errors.append(self.errors[-1])
        return errors


def _join_path(prefix: str, rest: str) -> str:
    if not rest:
        return prefix
    return prefix + (rest if rest.startswith("[") else f".{rest}")


def _entry_view(
    office: YamlDocument, entry_path: DataPath, item: Mapping[str, Any], not_fields: set[str]
) -> YamlDocument:
    """``item`` as a document of its own, located in office.yml: each field at its line there,
    anything else at the entry's first line."""
    values = {(): office.locate(entry_path)}
    keys = {}
    length = len(entry_path)
    for path, location in office.values.items():
        if path[:length] == entry_path and len(path) > length and path[length] not in not_fields:
            values[path[length:]] = location
    for path, location in office.keys.items():
        if path[:length] == entry_path and len(path) > length and path[length] not in not_fields:
            keys[path[length:]] = location
    return YamlDocument(office.display_name, dict(item), values, keys, office.lines)


def _parse_path(where: str) -> DataPath:
    return tuple(
        int(index) if index else name for name, index in _PATH_PART.findall(where.split(" ")[0])
    )


def _cross_check(
    content: Content, office: Office, changes: ContentChanges, later_checks: Sequence[CrossCheck]
) -> list[ContentError]:
    """The cross-file checks again, on the overlaid content; each problem told where the
    office can act on it."""
    errors: list[ContentError] = []
    for check in (*CROSS_CHECKS, *later_checks):
        errors += check(content)
    by_file = {
        document.display_name: document
        for document in content.documents.values()
        if isinstance(document, OverlaidDocument)
    }
    return [_for_office(error, by_file, office, changes) for error in errors]


def _for_office(
    error: ContentError,
    documents: Mapping[str, OverlaidDocument],
    office: Office,
    changes: ContentChanges,
) -> ContentError:
    document = documents.get(error.file)
    if document is not None:
        office_path = document.office_path(_parse_path(error.where))
        if office_path is not None:
            return dataclasses.replace(
                error, file=office.document.display_name, where=format_path(office_path)
            )
    removed = [item_id for item_id in _QUOTED.findall(error.message) if item_id in changes.removed]
    if removed:
        item_id = removed[0]
        index = list(office.data["remove"]).index(item_id)
        location = office.document.locate(("remove", index))
        return ContentError(
            office.document.display_name,
            location.line,
            location.column,
            format_path(("remove", index)),
            f"'{item_id}' is removed here but still needed: {error.file}:{error.line}: "
            f"{error.where + ': ' if error.where else ''}{error.message}",
            "keep the item (delete this line), or change what needs it through office.yml "
            "(replace: that item's field); to take it off the site but let links to it fall "
            "away, hide the page or section that shows it instead (hide:)",
        )
    return dataclasses.replace(
        error,
        hint=f"{error.hint} (The guide's own content passes this check: a change in "
        f"{office.document.display_name} causes it.)".strip(),
    )
