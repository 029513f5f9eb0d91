using System.Globalization;
using System.Text.RegularExpressions;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>A partner's embedded-interface settings (<see cref="InterfaceSettings"/>): which origins may frame it
/// and its branding. Set from the partner dashboard, the admin API and <c>meridian accounts set-frame-origins</c>;
/// read on every interface request.</summary>
public sealed partial class InterfaceSettingsService
{
    public const int MaxFrameOrigins = 20;

    private readonly PlatformDatabase _database;
    private readonly TimeProvider _clock;

    internal InterfaceSettingsService(PlatformDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>The account's settings; the defaults (not frameable, no branding) when none were saved.</summary>
    public async Task<InterfaceSettings> GetAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        return await db.InterfaceSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == accountId, cancellationToken)
            ?? new InterfaceSettings { AccountId = accountId };
    }

    /// <summary>Replaces the allowed frame origins; an empty list makes the interface unframeable.</summary>
    public async Task<ServiceResult<InterfaceSettings>> SetFrameOriginsAsync(Guid accountId, IReadOnlyList<string> origins, CancellationToken cancellationToken = default)
    {
        var normalized = new List<string>();
        var problems = new List<Problem>();
        foreach (string origin in origins.Where(o => !string.IsNullOrWhiteSpace(o)))
        {
            if (TryNormalizeOrigin(origin, out string? value, out string? error)) { if (!normalized.Contains(value)) normalized.Add(value); }
            else problems.Add(new Problem("frame_origins", "invalid_origin", error));
        }
        if (normalized.Count > MaxFrameOrigins)
            problems.Add(new Problem("frame_origins", "too_many_origins", $"At most {MaxFrameOrigins} frame origins may be allowed"));
        if (problems.Count > 0) return ServiceError.Invalid(problems);
        return await SaveAsync(accountId, settings => settings.FrameOrigins = [.. normalized], "account.frame_origins", cancellationToken);
    }

    /// <summary>Sets the branding; empty values go back to the defaults.</summary>
    public async Task<ServiceResult<InterfaceSettings>> SetBrandingAsync(Guid accountId, string? displayName, string? logoUrl, string? accentColour, string? supportUrl,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<Problem>();
        string? name = Trimmed(displayName);
        if (name is { Length: > 80 }) problems.Add(new Problem("display_name", "too_long", "The display name may have at most 80 characters"));
        string? logo = Trimmed(logoUrl);
        if (logo is not null && !IsHttpsUrl(logo)) problems.Add(new Problem("logo_url", "invalid_url", "The logo URL must be an https:// address"));
        string? accent = Trimmed(accentColour);
        if (accent is not null)
        {
            if (!AccentPattern().IsMatch(accent)) problems.Add(new Problem("accent_colour", "invalid_colour", "The accent colour must be written #RRGGBB, for example #0B5FFF"));
            else accent = accent.ToUpperInvariant();
        }
        string? support = Trimmed(supportUrl);
        if (support is not null && !IsHttpsUrl(support) && !support.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            problems.Add(new Problem("support_url", "invalid_url", "The support URL must be an https:// or mailto: address"));
        if (problems.Count > 0) return ServiceError.Invalid(problems);
        return await SaveAsync(accountId, settings =>
        {
            settings.DisplayName = name;
            settings.LogoUrl = logo;
            settings.AccentColour = accent;
            settings.SupportUrl = support;
        }, "account.branding", cancellationToken);
    }

    /// <summary>"https://App.Example.com:443/" -> "https://app.example.com". Only an origin: a scheme (https, or http
    /// for loopback development), a host and a port; no path, query or wildcard.</summary>
    public static bool TryNormalizeOrigin(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? origin,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        origin = null;
        string trimmed = text.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || trimmed.Contains('*', StringComparison.Ordinal) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{trimmed}' is not an origin: write it as https://host or https://host:port";
            return false;
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = $"'{trimmed}' is not an origin: leave out the path, query and anything after the host and port";
            return false;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            error = $"'{trimmed}' must use https: browsers embed the interface only from secure pages (http is accepted for loopback development)";
            return false;
        }
        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}");
        error = null;
        return true;
    }

    private async Task<ServiceResult<InterfaceSettings>> SaveAsync(Guid accountId, Action<InterfaceSettings> change, string action, CancellationToken cancellationToken)
    {
        var now = _clock.Now();
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null) return ServiceError.NotFound("Account not found");
        if (account.Kind != AccountKind.Partner) return ServiceError.Validation("Interface settings apply to partner accounts only", "account", "not_a_partner");
        var settings = await db.InterfaceSettings.SingleOrDefaultAsync(s => s.AccountId == accountId, cancellationToken);
        if (settings is null)
        {
            settings = new InterfaceSettings { AccountId = accountId };
            db.InterfaceSettings.Add(settings);
        }
        change(settings);
        settings.UpdatedAt = now;
        db.AuditEvents.Add(new AuditEvent { Id = Guid.CreateVersion7(), At = now, AccountId = accountId, Action = action });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return settings;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsHttpsUrl(string value) =>
        value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex AccentPattern();
}
