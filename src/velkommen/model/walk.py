"""Walk models and annotations generically, so checks follow the declaration.

Used to find the model that holds a field (for "allowed fields here"), every
`Ref` value (for the reference check) and every list of entries with ids
(for the duplicate check).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from velkommen.model.common import Name, Ref, Text


def field_key(name: str, info: Any) -> str:
    return info.alias or name


def full_annotation(info: Any) -> Any:
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip Annotated; return the bare type and its metadata."""
    meta: list[Any] = []
    while get_origin(annotation) is Annotated:
        base, *extra = get_args(annotation)
        meta.extend(extra)
        annotation = base
    return annotation, meta


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (typing.Union, types.UnionType)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as `list[Text] | None`."""
    annotation, _ = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if _is_union(annotation) or get_origin(annotation) in (list, tuple):
        for arg in get_args(annotation):
            found = model_in(arg)
            if found is not None:
                return found
    return None


def model_at(root: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model class whose fields live at `path` (list indices are skipped)."""
    current: type[BaseModel] | None = root
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = next((f for n, f in current.model_fields.items() if field_key(n, f) == part), None)
        if info is None:
            return None
        current = model_in(full_annotation(info))
    return current


def field_keys(model: type[BaseModel]) -> list[str]:
    return [field_key(n, f) for n, f in model.model_fields.items()]


def iter_refs(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Yield (path, namespace, value) for every field declared with `Ref`."""
    if isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            yield from _refs_in(getattr(obj, name), full_annotation(info), (*path, field_key(name, info)))


def _refs_in(value: Any, annotation: Any, path: tuple) -> Iterator[tuple[tuple, str, str]]:
    if value is None:
        return
    annotation, meta = _unwrap(annotation)
    for m in meta:
        if isinstance(m, Ref) and isinstance(value, str):
            yield path, m.namespace, value
    if isinstance(value, list):
        args = [a for a in get_args(annotation) if a is not type(None)]
        item_ann = args[0] if args else Any
        for i, item in enumerate(value):
            yield from _refs_in(item, item_ann, (*path, i))
    elif _is_union(annotation):
        for arg in get_args(annotation):
            if arg is not type(None):
                yield from _refs_in(value, arg, path)
    elif isinstance(value, BaseModel):
        yield from iter_refs(value, path)


def iter_id_lists(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, list[Any]]]:
    """Yield (path, list) for every list of models that have an `id` field."""
    if isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            value = getattr(obj, name)
            key = (*path, field_key(name, info))
            if isinstance(value, list):
                if value and isinstance(value[0], BaseModel) and "id" in type(value[0]).model_fields:
                    yield key, value
                for i, item in enumerate(value):
                    yield from iter_id_lists(item, (*key, i))
            elif isinstance(value, BaseModel):
                yield from iter_id_lists(value, key)


def iter_texts(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Yield (path, Text) for every translatable text in a model (proper names are not translated)."""
    if isinstance(obj, Name):
        return
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            yield from iter_texts(getattr(obj, name), (*path, field_key(name, info)))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_texts(item, (*path, i))
