using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Idempotency;

/// <summary>The Idempotency-Key suite on SQLite.</summary>
public sealed class SqlitePartnerIdempotencyTests(ClockedSqliteApiHost host) : PartnerIdempotencyTests(host, host.Clock), IClassFixture<ClockedSqliteApiHost>;
