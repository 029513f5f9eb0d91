using BenchmarkDotNet.Attributes;
using Meridian.Api.RateLimiting;
using Meridian.Platform;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Benchmarks;

/// <summary>What every Partner API request pays before its endpoint runs, apart from HTTP itself: authenticating
/// the API key (a remembered key: hash lookup in the cache, SHA-256 and a constant-time compare; the database is
/// read only when the cache revalidates and written at most once a minute) and counting the request against the
/// key's two chained rate-limit windows, then formatting the five rate-limit headers. The refused case is a caller
/// over its limit (a 429 also peeks at the other window).</summary>
[MemoryDiagnoser]
public class CallerPathBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meridian-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private ServiceProvider _services = null!;
    private ApiKeyService _keys = null!;
    private CallerRateLimits _limits = null!;
    private CallerRateLimits _exhausted = null!;
    private string _token = null!;
    private Guid _keyId;
    private readonly HeaderDictionary _headers = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(_directory);
        var services = new ServiceCollection();
        services.AddMeridianPlatform();
        services.Configure<StorageOptions>(o => o.Sqlite = $"Data Source={Path.Combine(_directory, "meridian.db")}");
        // Limits no benchmark run reaches, so every acquisition is served; and limits one request exhausts.
        services.AddKeyedSingleton("served", (_, _) => Limits(int.MaxValue));
        services.AddKeyedSingleton("exhausted", (_, _) => Limits(1));
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<PlatformStartup>().StartAsync();
        var account = (await _services.GetRequiredService<AccountService>().CreateAsync(AccountKind.Partner, "bench", "bench@example.net")).Value!;
        _keys = _services.GetRequiredService<ApiKeyService>();
        var key = (await _keys.IssueAsync(account.Id, "bench", ApiEnvironment.Production)).Value!;
        (_token, _keyId) = (key.Token, key.Key.Id);
        _limits = _services.GetRequiredKeyedService<CallerRateLimits>("served");
        _exhausted = _services.GetRequiredKeyedService<CallerRateLimits>("exhausted");
        _exhausted.Acquire(_keyId).Dispose();
        await _keys.AuthenticateAsync(_token);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static CallerRateLimits Limits(int perWindow) =>
        new(Options.Create(new RateLimitOptions { PerHour = perWindow, PerMinute = perWindow }), TimeProvider.System);

    [Benchmark]
    public async Task<bool> AuthenticateKey() => await _keys.AuthenticateAsync(_token) is not null;

    [Benchmark]
    public bool AcquireRateLimit()
    {
        using var decision = _limits.Acquire(_keyId);
        return decision.IsAcquired;
    }

    [Benchmark]
    public bool AcquireAndWriteHeaders()
    {
        using var decision = _limits.Acquire(_keyId);
        RateLimitHeaders.Write(_headers, decision, _limits.PolicyHeader);
        return decision.IsAcquired;
    }

    [Benchmark]
    public bool RefuseAndWriteHeaders()
    {
        using var decision = _exhausted.Acquire(_keyId);
        RateLimitHeaders.Write(_headers, decision, _exhausted.PolicyHeader);
        return decision.IsAcquired;
    }

    /// <summary>The whole per-request cost of the two: authenticate, count, write the headers.</summary>
    [Benchmark(Baseline = true)]
    public async Task<bool> AuthenticateAndLimit()
    {
        var key = await _keys.AuthenticateAsync(_token);
        using var decision = _limits.Acquire(key!.Key.Id);
        RateLimitHeaders.Write(_headers, decision, _limits.PolicyHeader);
        return decision.IsAcquired;
    }
}
