using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Idempotency;

/// <summary>The Idempotency-Key suite on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPartnerIdempotencyTests(PostgresServer server, ClockedPostgresApiHost host)
    : PartnerIdempotencyTests(host.On(server), host.Clock), IClassFixture<ClockedPostgresApiHost>;
