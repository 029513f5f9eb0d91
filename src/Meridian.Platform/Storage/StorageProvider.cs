namespace Meridian.Platform.Storage;

/// <summary>The database engine behind the platform.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
