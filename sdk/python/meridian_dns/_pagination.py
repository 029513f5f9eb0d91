"""Iterators that fetch a list page by page as the caller reads it."""
from __future__ import annotations

from typing import Callable, Generic, Iterator, List, Optional, Tuple, TypeVar

T = TypeVar("T")

# Fetches page N (from 1) and answers its items and whether a later page exists.
PageFetcher = Callable[[int], Tuple[List[T], bool]]


class Pager(Generic[T]):
    """Every item of a list, across its pages: ``for record in client.records.list(domain_id): ...``.

    Pages are fetched lazily, one request each, while iterating; iterating again starts again from the first page.
    ``pages()`` yields whole pages, ``to_list()`` reads everything.
    """

    def __init__(self, fetch: PageFetcher[T]):
        self._fetch = fetch

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page

    def pages(self) -> Iterator[List[T]]:
        number = 1
        while True:
            items, more = self._fetch(number)
            yield items
            if not more or not items:
                return
            number += 1

    def to_list(self) -> List[T]:
        return list(self)

    def first(self) -> Optional[T]:
        return next(iter(self), None)


def single_page(fetch: Callable[[], List[T]]) -> Pager[T]:
    """A list the server answers whole (no paging parameters), behind the same iterator."""
    return Pager(lambda _number: (fetch(), False))
