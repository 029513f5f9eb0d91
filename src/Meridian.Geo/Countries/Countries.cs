using System.Diagnostics.CodeAnalysis;

namespace Meridian.Geo;

/// <summary>The country table: every ISO 3166-1 alpha-2 code (plus XK, Kosovo) with continent and centroid.</summary>
public static class Countries
{
    private const int NotACountry = -1;

    private static readonly CountryInfo[] s_all = Build();

    // Two letters A-Z index a 26x26 table, so a lookup is two subtractions and no hashing.
    private static readonly short[] s_indexByLetters = BuildLetterIndex(s_all);

    /// <summary>Every country, sorted by code.</summary>
    public static IReadOnlyList<CountryInfo> All => s_all;

    /// <summary>The npm package (name@version) the table was generated from.</summary>
    public static string Source => CountryTable.SourcePackage;

    /// <summary>Finds a country by its two-letter code, in either case.</summary>
    public static bool TryGet(string? code, [NotNullWhen(true)] out CountryInfo? country) =>
        TryGet(code.AsSpan(), out country);

    /// <summary>Finds a country by its two-letter code, in either case, without allocating.</summary>
    public static bool TryGet(ReadOnlySpan<char> code, [NotNullWhen(true)] out CountryInfo? country)
    {
        int index = IndexOf(code);
        country = index == NotACountry ? null : s_all[index];
        return country is not null;
    }

    /// <summary>Same as <see cref="TryGet(ReadOnlySpan{char}, out CountryInfo?)"/> for ASCII octets (e.g. from a database).</summary>
    public static bool TryGet(ReadOnlySpan<byte> asciiCode, [NotNullWhen(true)] out CountryInfo? country)
    {
        country = null;
        if (asciiCode.Length != 2) return false;
        Span<char> chars = [(char)asciiCode[0], (char)asciiCode[1]];
        return TryGet(chars, out country);
    }

    internal static int Count => s_all.Length;

    internal static CountryInfo ByIndex(int index) => s_all[index];

    private static int IndexOf(ReadOnlySpan<char> code)
    {
        if (code.Length != 2) return NotACountry;
        int first = LetterIndex(code[0]), second = LetterIndex(code[1]);
        if (first < 0 || second < 0) return NotACountry;
        return s_indexByLetters[(first * 26) + second];
    }

    private static int LetterIndex(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        _ => -1,
    };

    private static CountryInfo[] Build()
    {
        var rows = CountryTable.Rows;
        if (rows.Length > CountrySet.Capacity) throw new InvalidOperationException("country table exceeds CountrySet capacity");
        var all = new CountryInfo[rows.Length];
        for (int i = 0; i < rows.Length; i++) all[i] = new CountryInfo(i, rows[i]);
        return all;
    }

    private static short[] BuildLetterIndex(CountryInfo[] all)
    {
        var index = new short[26 * 26];
        Array.Fill(index, (short)NotACountry);
        foreach (var country in all)
            index[((country.Code[0] - 'A') * 26) + (country.Code[1] - 'A')] = (short)country.Index;
        return index;
    }
}
