"""Editors' tools: status report, translation history, link check, source watch, JSON Schemas, the browser editor."""
