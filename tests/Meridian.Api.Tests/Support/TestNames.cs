namespace Meridian.Api.Tests.Support;

/// <summary>Domain names no other test uses, so tests sharing a host never meet (nor are each other's
/// parents or children).</summary>
public static class TestNames
{
    /// <summary>"shop-1a2b3c4d.com": registrable, unique, lower case.</summary>
    public static string Domain(string word = "t") => $"{word}-{Guid.NewGuid().ToString("N")[..10]}.com";
}
