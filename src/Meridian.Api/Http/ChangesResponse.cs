using Meridian.Platform.Services;

namespace Meridian.Api.Http;

/// <summary>A page of a zone's change journal, as the Partner and Client APIs show it.</summary>
public sealed record ChangesResponse(IReadOnlyList<JournalEntry> Changes, PaginationInfo Pagination)
{
    public static ChangesResponse From(Page<JournalEntry> page) => new(page.Items, PaginationInfo.Of(page));
}

/// <summary>Where a page stands in its list.</summary>
public sealed record PaginationInfo(int Page, int PerPage, int Total, int TotalPages)
{
    public static PaginationInfo Of<T>(Page<T> page) =>
        new(page.Request.Number, page.Request.Size == int.MaxValue ? page.Total : page.Request.Size, page.Total, page.TotalPages);
}
