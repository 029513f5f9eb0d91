using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>The OpenAPI test classes, sharing one running Meridian: they only read what it serves.</summary>
[CollectionDefinition(Name)]
public sealed class OpenApiDocumentsCollection : ICollectionFixture<SqliteApiHost>
{
    public const string Name = "OpenAPI documents";
}
