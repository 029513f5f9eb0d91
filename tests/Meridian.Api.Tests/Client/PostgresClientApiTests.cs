using Meridian.Api.Tests.Support;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.Client;

/// <summary>The Client API suite on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClientApiTests(PostgresServer server, PostgresApiHost host, ITestOutputHelper output)
    : ClientApiTests(host.On(server), output), IClassFixture<PostgresApiHost>;
