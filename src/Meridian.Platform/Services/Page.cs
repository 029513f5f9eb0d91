namespace Meridian.Platform.Services;

/// <summary>Which page of a list to return: <see cref="Number"/> from 1, <see cref="Size"/> items per page;
/// <see cref="All"/> returns everything.</summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public const int MaxSize = 100;

    public static PageRequest All { get; } = new(1, int.MaxValue);

    public int Skip => Size == int.MaxValue ? 0 : (Number - 1) * Size;

    public int Take => Size;
}

/// <summary>One page of a list, with the total across all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, PageRequest Request)
{
    public int TotalPages => Request.Size == int.MaxValue ? 1 : Math.Max(1, (Total + Request.Size - 1) / Request.Size);
}
