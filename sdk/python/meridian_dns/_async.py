"""``AsyncMeridian``: the same calls as ``Meridian`` for asyncio programs. Each call runs the synchronous client in a
worker thread (``asyncio.to_thread``), so retries, idempotency keys, timeouts and errors are the same; lists are
``async for`` iterators that fetch a page per step."""
from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Generic, List, Optional, Sequence, TypeVar

from ._client import Meridian
from ._client_api import ClientApi, ClientDomains, ClientRecords
from ._email_dns import EmailDns
from ._keys import AdminKeys, Keys
from ._pagination import Pager
from ._partner import MAX_PER_PAGE, Domains, Records, Users
from ._simple import Simple, SimpleRecords
from ._transport import RequestOptions
from .types.admin import KeyResponse
from .types.client import (DomainResponse, ImportResponse, JournalEntry as ClientJournalEntry, MessageResponse,
                           RecordResponse, RotateKeyResponse)
from .types.email_dns import DkimResponse, HistoryEntryJson, ProviderResponse, SuccessResponse
from .types.partner import (BatchDelete, BatchPatch, BatchPost, BatchResponse, JournalEntry, PartnerDomain,
                            PartnerKey, PartnerRecord, UserSessionResponse)
from .types.simple import SimpleRecordData, SimpleResource

T = TypeVar("T")
Options = Optional[RequestOptions]


class AsyncPager(Generic[T]):
    """``async for item in pager``; ``pages()``, ``to_list()`` and ``first()`` as on ``Pager``."""

    def __init__(self, pager: Pager[T]):
        self._pager = pager

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page:
                yield item

    async def pages(self) -> AsyncIterator[List[T]]:
        pages = self._pager.pages()

        def next_page() -> Optional[List[T]]:
            return next(pages, None)
        while True:
            page = await asyncio.to_thread(next_page)
            if page is None:
                return
            yield page

    async def to_list(self) -> List[T]:
        return [item async for item in self]

    async def first(self) -> Optional[T]:
        async for item in self:
            return item
        return None


class AsyncUsers:
    def __init__(self, sync: Users):
        self._sync = sync

    async def create_session(self, *, user_identifier: str, email: Optional[str] = None,
                             request_options: Options = None) -> UserSessionResponse:
        return await asyncio.to_thread(self._sync.create_session, user_identifier=user_identifier, email=email,
                                       request_options=request_options)

    def list_domains(self, user_identifier: str, *, per_page: int = MAX_PER_PAGE,
                     request_options: Options = None) -> AsyncPager[PartnerDomain]:
        return AsyncPager(self._sync.list_domains(user_identifier, per_page=per_page, request_options=request_options))

    async def add_domain(self, user_identifier: str, *, name: str, request_options: Options = None) -> PartnerDomain:
        return await asyncio.to_thread(self._sync.add_domain, user_identifier, name=name,
                                       request_options=request_options)


class AsyncDomains:
    def __init__(self, sync: Domains):
        self._sync = sync

    async def retrieve(self, domain_id: str, *, request_options: Options = None) -> PartnerDomain:
        return await asyncio.to_thread(self._sync.retrieve, domain_id, request_options=request_options)

    get = retrieve

    async def delete(self, domain_id: str, *, request_options: Options = None) -> None:
        await asyncio.to_thread(self._sync.delete, domain_id, request_options=request_options)

    def list(self, user_identifier: str, *, per_page: int = MAX_PER_PAGE,
             request_options: Options = None) -> AsyncPager[PartnerDomain]:
        return AsyncPager(self._sync.list(user_identifier, per_page=per_page, request_options=request_options))

    def changes(self, domain_id: str, *, per_page: int = MAX_PER_PAGE,
                request_options: Options = None) -> AsyncPager[JournalEntry]:
        return AsyncPager(self._sync.changes(domain_id, per_page=per_page, request_options=request_options))


class AsyncRecords:
    def __init__(self, sync: Records):
        self._sync = sync

    async def create(self, *, domain_id: str, type: str, name: str, value: Optional[str] = None,
                     ttl: Optional[int] = None, priority: Optional[int] = None, weight: Optional[int] = None,
                     port: Optional[int] = None, target: Optional[str] = None,
                     request_options: Options = None) -> PartnerRecord:
        return await asyncio.to_thread(self._sync.create, domain_id=domain_id, type=type, name=name, value=value,
                                       ttl=ttl, priority=priority, weight=weight, port=port, target=target,
                                       request_options=request_options)

    async def retrieve(self, record_id: str, *, request_options: Options = None) -> PartnerRecord:
        return await asyncio.to_thread(self._sync.retrieve, record_id, request_options=request_options)

    get = retrieve

    async def update(self, record_id: str, *, type: Optional[str] = None, name: Optional[str] = None,
                     value: Optional[str] = None, ttl: Optional[int] = None, priority: Optional[int] = None,
                     weight: Optional[int] = None, port: Optional[int] = None, target: Optional[str] = None,
                     request_options: Options = None) -> PartnerRecord:
        return await asyncio.to_thread(self._sync.update, record_id, type=type, name=name, value=value, ttl=ttl,
                                       priority=priority, weight=weight, port=port, target=target,
                                       request_options=request_options)

    async def delete(self, record_id: str, *, request_options: Options = None) -> None:
        await asyncio.to_thread(self._sync.delete, record_id, request_options=request_options)

    def list(self, domain_id: str, *, type: Optional[str] = None, name: Optional[str] = None,
             per_page: int = MAX_PER_PAGE, request_options: Options = None) -> AsyncPager[PartnerRecord]:
        return AsyncPager(self._sync.list(domain_id, type=type, name=name, per_page=per_page,
                                          request_options=request_options))

    async def batch(self, domain_id: str, *, deletes: Optional[Sequence[BatchDelete]] = None,
                    patches: Optional[Sequence[BatchPatch]] = None, posts: Optional[Sequence[BatchPost]] = None,
                    request_options: Options = None) -> BatchResponse:
        return await asyncio.to_thread(self._sync.batch, domain_id, deletes=deletes, patches=patches, posts=posts,
                                       request_options=request_options)


class AsyncKeys:
    def __init__(self, sync: Keys):
        self._sync = sync

    def list(self, *, request_options: Options = None) -> AsyncPager[PartnerKey]:
        return AsyncPager(self._sync.list(request_options=request_options))

    async def create(self, *, name: str, scopes: Optional[Sequence[str]] = None,
                     request_options: Options = None) -> PartnerKey:
        return await asyncio.to_thread(self._sync.create, name=name, scopes=scopes, request_options=request_options)

    async def revoke(self, key_id: str, *, request_options: Options = None) -> PartnerKey:
        return await asyncio.to_thread(self._sync.revoke, key_id, request_options=request_options)

    async def rotate(self, *, name: Optional[str] = None, request_options: Options = None) -> PartnerKey:
        return await asyncio.to_thread(self._sync.rotate, name=name, request_options=request_options)


class AsyncAdminKeys:
    def __init__(self, sync: AdminKeys):
        self._sync = sync

    def list(self, account_id: str, *, request_options: Options = None) -> AsyncPager[KeyResponse]:
        return AsyncPager(self._sync.list(account_id, request_options=request_options))

    async def create(self, account_id: str, *, name: str, environment: Optional[str] = None,
                     scopes: Optional[Sequence[str]] = None, request_options: Options = None) -> KeyResponse:
        return await asyncio.to_thread(self._sync.create, account_id, name=name, environment=environment,
                                       scopes=scopes, request_options=request_options)

    async def revoke(self, account_id: str, key_id: str, *, request_options: Options = None) -> KeyResponse:
        return await asyncio.to_thread(self._sync.revoke, account_id, key_id, request_options=request_options)


class AsyncClientDomains:
    def __init__(self, sync: ClientDomains):
        self._sync = sync

    def list(self, *, request_options: Options = None) -> AsyncPager[DomainResponse]:
        return AsyncPager(self._sync.list(request_options=request_options))

    async def create(self, *, name: str, request_options: Options = None) -> DomainResponse:
        return await asyncio.to_thread(self._sync.create, name=name, request_options=request_options)

    async def delete(self, domain_id: str, *, request_options: Options = None) -> MessageResponse:
        return await asyncio.to_thread(self._sync.delete, domain_id, request_options=request_options)

    def changes(self, domain: str, *, per_page: int = 100,
                request_options: Options = None) -> AsyncPager[ClientJournalEntry]:
        return AsyncPager(self._sync.changes(domain, per_page=per_page, request_options=request_options))

    async def export_bind(self, domain_id: str, *, request_options: Options = None) -> str:
        return await asyncio.to_thread(self._sync.export_bind, domain_id, request_options=request_options)


class AsyncClientRecords:
    def __init__(self, sync: ClientRecords):
        self._sync = sync

    def list(self, domain_id: str, *, request_options: Options = None) -> AsyncPager[RecordResponse]:
        return AsyncPager(self._sync.list(domain_id, request_options=request_options))

    async def create(self, *, domain_id: str, type: str, name: str, value: str, ttl: Optional[int] = None,
                     priority: Optional[int] = None, country_codes: Optional[Sequence[str]] = None,
                     request_options: Options = None) -> RecordResponse:
        return await asyncio.to_thread(self._sync.create, domain_id=domain_id, type=type, name=name, value=value,
                                       ttl=ttl, priority=priority, country_codes=country_codes,
                                       request_options=request_options)

    async def update(self, record_id: str, *, type: Optional[str] = None, name: Optional[str] = None,
                     value: Optional[str] = None, ttl: Optional[int] = None, priority: Optional[int] = None,
                     country_codes: Optional[Sequence[str]] = None, request_options: Options = None) -> RecordResponse:
        return await asyncio.to_thread(self._sync.update, record_id, type=type, name=name, value=value, ttl=ttl,
                                       priority=priority, country_codes=country_codes,
                                       request_options=request_options)

    async def delete(self, record_id: str, *, request_options: Options = None) -> MessageResponse:
        return await asyncio.to_thread(self._sync.delete, record_id, request_options=request_options)


class AsyncClientApi:
    def __init__(self, sync: ClientApi):
        self._sync = sync
        self.domains = AsyncClientDomains(sync.domains)
        self.records = AsyncClientRecords(sync.records)

    async def import_bind(self, zone_file: str, *, request_options: Options = None) -> ImportResponse:
        return await asyncio.to_thread(self._sync.import_bind, zone_file, request_options=request_options)

    async def rotate_api_key(self, *, request_options: Options = None) -> RotateKeyResponse:
        return await asyncio.to_thread(self._sync.rotate_api_key, request_options=request_options)


class AsyncEmailDns:
    def __init__(self, sync: EmailDns):
        self._sync = sync

    async def provider(self, domain: str, *, request_options: Options = None) -> ProviderResponse:
        return await asyncio.to_thread(self._sync.provider, domain, request_options=request_options)

    async def authorize(self, *, domain: str, provider: str, api_key: Optional[str] = None,
                        api_secret: Optional[str] = None, api_user: Optional[str] = None,
                        username: Optional[str] = None, request_options: Options = None) -> SuccessResponse:
        return await asyncio.to_thread(self._sync.authorize, domain=domain, provider=provider, api_key=api_key,
                                       api_secret=api_secret, api_user=api_user, username=username,
                                       request_options=request_options)

    async def set(self, *, domain: str, provider: str, record_type: str, api_key: Optional[str] = None,
                  api_secret: Optional[str] = None, api_user: Optional[str] = None, username: Optional[str] = None,
                  request_options: Options = None) -> SuccessResponse:
        return await asyncio.to_thread(self._sync.set, domain=domain, provider=provider, record_type=record_type,
                                       api_key=api_key, api_secret=api_secret, api_user=api_user,
                                       username=username, request_options=request_options)

    async def dkim(self, domain: str, *, request_options: Options = None) -> DkimResponse:
        return await asyncio.to_thread(self._sync.dkim, domain, request_options=request_options)

    def history(self, domain: str, *, request_options: Options = None) -> AsyncPager[HistoryEntryJson]:
        return AsyncPager(self._sync.history(domain, request_options=request_options))


class AsyncSimpleRecords:
    def __init__(self, sync: SimpleRecords):
        self._sync = sync

    def list(self, *, page_size: int = 100, request_options: Options = None) -> AsyncPager[SimpleRecordData]:
        return AsyncPager(self._sync.list(page_size=page_size, request_options=request_options))

    async def retrieve(self, record_id: int, *, request_options: Options = None) -> SimpleRecordData:
        return await asyncio.to_thread(self._sync.retrieve, record_id, request_options=request_options)

    get = retrieve

    async def create(self, *, domain_type: str, domain: str, subdomain: str, to: str,
                     request_options: Options = None) -> SimpleRecordData:
        return await asyncio.to_thread(self._sync.create, domain_type=domain_type, domain=domain,
                                       subdomain=subdomain, to=to, request_options=request_options)

    async def update(self, record_id: int, *, to: str, request_options: Options = None) -> SimpleRecordData:
        return await asyncio.to_thread(self._sync.update, record_id, to=to, request_options=request_options)

    async def delete(self, record_id: int, *, request_options: Options = None) -> SimpleRecordData:
        return await asyncio.to_thread(self._sync.delete, record_id, request_options=request_options)

    async def upsert(self, domain_type: str, domain: str, subdomain: str, to: str, *,
                     request_options: Options = None) -> SimpleRecordData:
        return await asyncio.to_thread(self._sync.upsert, domain_type, domain, subdomain, to,
                                       request_options=request_options)

    async def delete_by_name(self, domain_type: str, domain: str, subdomain: str, *,
                             request_options: Options = None) -> SimpleRecordData:
        return await asyncio.to_thread(self._sync.delete_by_name, domain_type, domain, subdomain,
                                       request_options=request_options)


class AsyncSimple:
    def __init__(self, sync: Simple):
        self._sync = sync
        self.records = AsyncSimpleRecords(sync.records)

    async def health(self, *, request_options: Options = None) -> SimpleResource:
        return await asyncio.to_thread(self._sync.health, request_options=request_options)

    async def whoami(self, *, request_options: Options = None) -> SimpleResource:
        return await asyncio.to_thread(self._sync.whoami, request_options=request_options)

    async def domains(self, *, request_options: Options = None) -> List[SimpleResource]:
        return await asyncio.to_thread(self._sync.domains, request_options=request_options)


class AsyncMeridian:
    """``AsyncMeridian(…)`` takes exactly ``Meridian``'s settings; every call is awaited, every list is
    ``async for``."""

    def __init__(self, api_key: Optional[str] = None, **settings: Any):
        self.sync = Meridian(api_key, **settings)
        self.environment = self.sync.environment
        self.base_url = self.sync.base_url
        self.users = AsyncUsers(self.sync.users)
        self.domains = AsyncDomains(self.sync.domains)
        self.records = AsyncRecords(self.sync.records)
        self.keys = AsyncKeys(self.sync.keys)
        self.admin_keys = AsyncAdminKeys(self.sync.admin_keys)
        self.client = AsyncClientApi(self.sync.client)
        self.email_dns = AsyncEmailDns(self.sync.email_dns)

    @property
    def simple(self) -> AsyncSimple:
        return AsyncSimple(self.sync.simple)

    @property
    def api_key(self) -> Optional[str]:
        return self.sync.api_key
