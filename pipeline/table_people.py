"""Lists of people under role labels (组长, 副组长, 成员): names and posts.

Such a list has no header: a role label, then names and posts. Most
names stand right before their post, but a list may print a run of names
and then the run of their posts, and a long post wraps onto a second
line; within each role the k-th name gets the k-th post.
"""

import logging
from dataclasses import dataclass, field

from pipeline import patterns
from pipeline.table_blocks import Block, clean_text

log = logging.getLogger(__name__)

NAME = "姓名"
POST = "职务"
ROLE = "分组"

# A list of people names at least this many roles; one label alone is text.
MIN_ROLES = 2


@dataclass
class Person:
    """One row: the person's name, post and role label."""

    role: Block
    name: Block
    post: Block | None = None


@dataclass
class People:
    """A list of people: its caption, roles and rows, by body blocks."""

    caption: str | None
    roles: list[Block] = field(default_factory=list)
    rows: list[Person] = field(default_factory=list)
    last: int = 0  # index of its last block


def find_people(blocks: list[Block]) -> People | None:
    """The list of people among a document's blocks (one per line)."""
    first = next((i for i, b in enumerate(blocks)
                  if patterns.ROLE_LABEL.match(b.text)), None)
    if first is None:
        return None
    people = People(caption=_caption(blocks[first - 1] if first else None))
    names: list[Block] = []
    posts: list[Block] = []
    for i in range(first, len(blocks)):
        block = blocks[i]
        if block.is_prose:
            break
        if patterns.ROLE_LABEL.match(block.text):
            _pair(people, names, posts)
            names, posts = [], []
            people.roles.append(block)
        elif patterns.PERSON_NAME.match(block.text):
            names.append(block)
        else:
            posts.append(block)
        people.last = i
    _pair(people, names, posts)
    if len(people.roles) < MIN_ROLES:
        return None
    return people


def _pair(people: People, names: list[Block], posts: list[Block]) -> None:
    """The k-th name of a role with its k-th post, wrapped posts joined."""
    if not names:
        return
    posts = _unwrapped(posts, len(names))
    if len(posts) != len(names):
        log.debug("role %s: %d names, %d posts", people.roles[-1].text,
                  len(names), len(posts))
    for k, name in enumerate(names):
        post = posts[k] if k < len(posts) else None
        people.rows.append(Person(people.roles[-1], name, post))


def _unwrapped(posts: list[Block], wanted: int) -> list[Block]:
    """Join a post line that lacks a title word to the line after it,
    while there are more post lines than names."""
    posts = list(posts)
    k = 0
    while len(posts) > wanted and k < len(posts) - 1:
        line, after = posts[k], posts[k + 1]
        if (not patterns.POST_END.search(line.text)
                and after.line_start == line.line_end + 1):
            posts[k:k + 2] = [line.joined(after)]
        else:
            k += 1
    return posts


def _caption(block: Block | None) -> str | None:
    """The list's title: the block before it, or what follows a
    signature date in it."""
    if block is None:
        return None
    raw = " ".join(p.text for p in block.pieces)
    after_date = patterns.CAPTION_AFTER_DATE.search(raw)
    if after_date:
        return clean_text(after_date.group("caption"))
    return None if block.is_prose else block.text
