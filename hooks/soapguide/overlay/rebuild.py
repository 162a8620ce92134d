"""Copy a data file with an office's planned changes, remembering where every part came from:
the result locates what office.yml wrote at its line in office.yml, and the rest in the data
file, so every later check reports each problem where it can be fixed."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..read.yaml_source import DataPath, Location, YamlDocument
from .office import Office


@dataclass
class OverlaidDocument(YamlDocument):
    """A data file with an office's changes: parts written in office.yml are located there."""

    office: YamlDocument | None = None
    # Path here -> path in office.yml, for each part the office wrote (and all inside it).
    origins: dict[DataPath, DataPath] = field(default_factory=dict)

    def office_path(self, path: DataPath) -> DataPath | None:
        for length in range(len(path), -1, -1):
            origin = self.origins.get(path[:length])
            if origin is not None:
                return (*origin, *path[length:])
        return None

    def locate(self, path: DataPath) -> Location:
        office_path = self.office_path(path)
        if office_path is not None and self.office is not None:
            return self.office.locate(office_path)
        return super().locate(path)

    def locate_key(self, path: DataPath) -> Location:
        office_path = self.office_path(path)
        if office_path is not None and self.office is not None:
            return self.office.locate_key(office_path)
        return super().locate_key(path)

    def locate_text(self, path: DataPath, fragment: str) -> Location:
        office_path = self.office_path(path)
        if office_path is not None and self.office is not None:
            return self.office.locate_text(office_path, fragment)
        return super().locate_text(path, fragment)


@dataclass
class Plan:
    """The changes to make, by target id, as indices of their entries in office.yml."""

    replace: dict[str, int] = field(default_factory=dict)
    before: dict[str, list[int]] = field(default_factory=dict)
    after: dict[str, list[int]] = field(default_factory=dict)
    remove: dict[str, int] = field(default_factory=dict)
    first_steps: dict[str, list[int]] = field(default_factory=dict)
    last_steps: dict[str, list[int]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)  # data files that change
    applied: set[str] = field(default_factory=set)  # target ids met while rebuilding


class Rebuilder:
    """Copy one data file with the planned changes, remembering where every part came from."""

    def __init__(self, document: YamlDocument, office: Office, plan: Plan):
        self.document = document
        self.office = office
        self.plan = plan
        self.values: dict[DataPath, Location] = {}
        self.keys: dict[DataPath, Location] = {}
        self.origins: dict[DataPath, DataPath] = {}

    def build(self, name: str) -> OverlaidDocument:
        data = self._copy(self.document.data, (), ())
        if name == "meta" and isinstance(data, dict):
            data["site_name"] = self.office.site_name
            self.origins[("site_name",)] = ("site_name",)
        return OverlaidDocument(
            self.document.display_name,
            data,
            self.values,
            self.keys,
            self.document.lines,
            office=self.office.document,
            origins=self.origins,
        )

    def _copy(self, value: Any, old: DataPath, new: DataPath) -> Any:
        if old in self.document.values:
            self.values[new] = self.document.values[old]
        if old in self.document.keys:
            self.keys[new] = self.document.keys[old]
        if isinstance(value, dict):
            return self._mapping(value, old, new)
        if isinstance(value, list):
            return self._list(value, old, new)
        return value

    def _from_office(self, office_path: DataPath, new: DataPath) -> Any:
        self.origins[new] = office_path
        value: Any = self.office.data
        for part in office_path:
            value = value[part]
        return copy.deepcopy(value)

    def _mapping(self, value: dict[str, Any], old: DataPath, new: DataPath) -> dict[str, Any]:
        item_id = value.get("id") if old and isinstance(old[-1], int) else None
        item_id = item_id if isinstance(item_id, str) else None
        entry = self.plan.replace.get(item_id) if item_id else None
        fields = self.office.data["replace"][entry] if entry is not None else {}
        steps = item_id in self.plan.first_steps or item_id in self.plan.last_steps
        result: dict[str, Any] = {}
        for key, child in value.items():
            if key == "next_steps" and steps:
                result[key] = self._steps(item_id, child, (*old, key), (*new, key), entry)
            elif key in fields and key != "id":
                result[key] = self._from_office(("replace", entry, key), (*new, key))
            else:
                result[key] = self._copy(child, (*old, key), (*new, key))
        for key in fields:
            if key not in value and key != "id":
                result[key] = self._from_office(("replace", entry, key), (*new, key))
        if item_id:
            self.plan.applied.add(item_id)
        return result

    def _list(self, value: list[Any], old: DataPath, new: DataPath) -> list[Any]:
        result: list[Any] = []
        for index, child in enumerate(value):
            child_id = child.get("id") if isinstance(child, dict) else None
            for entry in self.plan.before.get(child_id, ()) if child_id else ():
                result.append(self._added(entry, (*new, len(result))))
            if child_id in self.plan.remove:
                self.plan.applied.add(child_id)
                continue
            result.append(self._copy(child, (*old, index), (*new, len(result))))
            for entry in self.plan.after.get(child_id, ()) if child_id else ():
                result.append(self._added(entry, (*new, len(result))))
        return result

    def _added(self, entry: int, new: DataPath) -> dict[str, Any]:
        self.origins[new] = ("add", entry)
        fields = self.office.data["add"][entry]
        return {k: copy.deepcopy(v) for k, v in fields.items() if k not in ("after", "before")}

    def _steps(
        self, outcome_id: str, steps: Any, old: DataPath, new: DataPath, entry: int | None
    ) -> list[Any]:
        """An outcome's next_steps with the office's steps first and last."""
        replaced = entry is not None and "next_steps" in self.office.data["replace"][entry]
        base = self.office.data["replace"][entry]["next_steps"] if replaced else steps
        if old in self.document.values and not replaced:
            self.values[new] = self.document.values[old]
        if replaced:
            self.origins[new] = ("replace", entry, "next_steps")
        firsts = self.plan.first_steps.get(outcome_id, [])
        lasts = self.plan.last_steps.get(outcome_id, [])
        result: list[Any] = []
        for index in firsts:
            result.append(self._from_office(("flow_steps", index, "text"), (*new, len(result))))
        for position, step in enumerate(base):
            if replaced:
                origin = ("replace", entry, "next_steps", position)
                result.append(self._from_office(origin, (*new, len(result))))
            else:
                result.append(self._copy(step, (*old, position), (*new, len(result))))
        for index in lasts:
            result.append(self._from_office(("flow_steps", index, "text"), (*new, len(result))))
        return result
