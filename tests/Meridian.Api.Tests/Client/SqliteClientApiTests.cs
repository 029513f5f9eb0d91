using Meridian.Api.Tests.Support;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.Client;

/// <summary>The Client API suite on SQLite (the default storage).</summary>
public sealed class SqliteClientApiTests(SqliteApiHost host, ITestOutputHelper output) : ClientApiTests(host, output), IClassFixture<SqliteApiHost>;
