using System.Runtime.CompilerServices;

namespace Meridian.Client.Http;

/// <summary>Walks a paged list page by page as one <see cref="IAsyncEnumerable{T}"/>: the next page is asked for
/// only when the caller has read the current one.</summary>
internal static class Paging
{
    /// <summary>The largest page every surface accepts.</summary>
    public const int PageSize = 100;

    /// <param name="fetch">Gets page n (from 1).</param>
    /// <param name="items">The page's items.</param>
    /// <param name="isLast">Whether a page is the last, from its pagination totals (or, without any, from being short).</param>
    public static async IAsyncEnumerable<TItem> All<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>> items,
        Func<TPage, bool> isLast,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var page = await fetch(number, cancellationToken);
            var pageItems = items(page);
            foreach (var item in pageItems)
                yield return item;
            if (pageItems.Count == 0 || isLast(page)) yield break;
        }
    }

    /// <summary>A list the server answers in one piece, as an async sequence like every other list.</summary>
    public static async IAsyncEnumerable<TItem> Single<TItem>(
        Func<CancellationToken, Task<IReadOnlyList<TItem>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in await fetch(cancellationToken))
            yield return item;
    }
}
