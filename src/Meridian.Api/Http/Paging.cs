using System.Diagnostics.CodeAnalysis;
using Meridian.Platform.Services;

namespace Meridian.Api.Http;

/// <summary>Reads <c>page</c> and <c>per_page</c>: both absent means every item (the Partner spec's lists return
/// all); otherwise page from 1 (default 1) and per_page from 1 to 100 (default 25).</summary>
public static class Paging
{
    public const int DefaultPerPage = 25;

    public static bool TryRead(int? page, int? perPage, out PageRequest request, [NotNullWhen(false)] out string? error)
    {
        request = PageRequest.All;
        error = null;
        if (page is null && perPage is null) return true;
        if (page is < 1)
        {
            error = "page must be 1 or more";
            return false;
        }
        if (perPage is < 1 or > PageRequest.MaxSize)
        {
            error = $"per_page must be 1 to {PageRequest.MaxSize}";
            return false;
        }
        request = new PageRequest(page ?? 1, perPage ?? DefaultPerPage);
        return true;
    }
}
