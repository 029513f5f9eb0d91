using Meridian.Platform.Storage;

namespace Meridian.Platform.Tests.Support;

/// <summary>A fresh, empty database for one test, on one provider.</summary>
public interface ITestStorage : IAsyncDisposable
{
    StorageProvider Provider { get; }

    Task<StorageOptions> CreateAsync();
}
