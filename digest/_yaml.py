"""The strict YAML loader for front matter: text, lists, mappings, null and true/false, nothing else."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from digest.errors import ArticleError

MAX_DEPTH = 16

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"


class _Error(yaml.YAMLError):
    def __init__(self, message: str, node_or_mark: Any) -> None:
        super().__init__(message)
        self.problem = message
        self.problem_mark = getattr(node_or_mark, "start_mark", node_or_mark)


class _StrictRules:
    """Checks shared by the pure-Python loader and the LibYAML-backed one."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Error("anchors and aliases (& and *) are not allowed in front matter", event.start_mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!", _STR, _SEQ, _MAP):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Error(f"the tag {shown} is not allowed in front matter", event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Error(f"front matter is nested more than {MAX_DEPTH} levels deep", event.start_mark)
        try:
            return super().compose_node(parent, index)  # type: ignore[misc, no-any-return]
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                raise _Error("front matter keys must be plain text", key_node)
            if key_node.value in seen:
                raise _Error(f"duplicate key {key_node.value!r}", key_node)
            seen.add(key_node.value)
        return dict(super().construct_mapping(node, deep=deep))  # type: ignore[misc]


class StrictLoader(_StrictRules, yaml.SafeLoader):
    """A SafeLoader for front matter: text, lists, mappings, null and true/false, nothing else.

    YAML 1.1 turns `on`, `NO` and `yes` into booleans, `012345` into an octal number and
    `12:30:00` into a sexagesimal one; here every plain scalar is text unless it is `true`,
    `false` or null. No field of an article is a number, so nothing is lost. Anchors, aliases,
    explicit tags other than `!!str`, `!!seq` and `!!map`, duplicate keys and deep nesting are
    rejected, so a 400-byte alias bomb never expands.
    """

    # Fresh registries: nothing of SafeLoader's implicit types or constructors is inherited.
    yaml_implicit_resolvers = {}  # noqa: RUF012
    yaml_constructors = {}  # noqa: RUF012


StrictLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
StrictLoader.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
for _tag, _construct in (
    (_STR, StrictLoader.construct_yaml_str),
    (_SEQ, StrictLoader.construct_yaml_seq),
    (_MAP, StrictLoader.construct_yaml_map),
    (_NULL, StrictLoader.construct_yaml_null),
    (_BOOL, StrictLoader.construct_yaml_bool),
):
    StrictLoader.add_constructor(_tag, _construct)  # type: ignore[type-var]

_Loader: Any = StrictLoader
try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without LibYAML
    pass
else:

    class _FastStrictLoader(_StrictRules, Composer, CParser, SafeConstructor, Resolver):
        """StrictLoader on LibYAML's scanner and parser (about 4x faster); Python composes the nodes."""

        yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers
        yaml_constructors = StrictLoader.yaml_constructors

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _Loader = _FastStrictLoader


def load_mapping(block: str, *, path: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    """Return the mapping in the YAML `block` and the file line of each key; raise ArticleError if invalid.

    `first_line` is the line of the file on which `block` starts.
    """
    loader = _Loader(block)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, MappingNode):
            kind = "a list" if isinstance(node, SequenceNode) else "a single value"
            raise ArticleError(
                f"the front matter must be 'key: value' lines, not {kind} "
                "(to open the body with a rule instead, use '***' or put an empty front matter above it)",
                path=path,
                line=first_line + node.start_mark.line,
            )
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        raise ArticleError(f"invalid front matter: {problem}", path=path, line=line) from exc
    finally:
        loader.dispose()
    key_lines = {key.value: first_line + key.start_mark.line for key, _ in node.value}
    return data, key_lines
