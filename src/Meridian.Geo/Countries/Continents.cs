namespace Meridian.Geo;

/// <summary>Continent codes (AF AN AS EU NA OC SA) and which countries each continent holds.</summary>
public static class Continents
{
    private static readonly string[] s_codes = ["", "AF", "AN", "AS", "EU", "NA", "OC", "SA"];

    private static readonly CountrySet[] s_members = BuildMembers();

    /// <summary>The seven continents, in code order.</summary>
    public static IReadOnlyList<Continent> All { get; } =
    [
        Continent.Africa, Continent.Antarctica, Continent.Asia, Continent.Europe,
        Continent.NorthAmerica, Continent.Oceania, Continent.SouthAmerica,
    ];

    /// <summary>The two-letter code ("EU"), or "" for <see cref="Continent.Unknown"/>.</summary>
    public static string Code(Continent continent) =>
        (uint)continent < (uint)s_codes.Length ? s_codes[(int)continent] : "";

    /// <summary>Reads a continent code in either case.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out Continent continent)
    {
        continent = Continent.Unknown;
        if (code.Length != 2) return false;
        for (int i = 1; i < s_codes.Length; i++)
        {
            if (code.Equals(s_codes[i], StringComparison.OrdinalIgnoreCase))
            {
                continent = (Continent)i;
                return true;
            }
        }
        return false;
    }

    /// <summary>Same as <see cref="TryParse(ReadOnlySpan{char}, out Continent)"/> for ASCII octets.</summary>
    public static bool TryParse(ReadOnlySpan<byte> asciiCode, out Continent continent)
    {
        continent = Continent.Unknown;
        if (asciiCode.Length != 2) return false;
        Span<char> chars = [(char)asciiCode[0], (char)asciiCode[1]];
        return TryParse(chars, out continent);
    }

    /// <summary>How many countries of the table lie on this continent.</summary>
    public static int CountryCount(Continent continent) => Members(continent).Count;

    internal static CountrySet Members(Continent continent) =>
        (uint)continent < (uint)s_members.Length ? s_members[(int)continent] : CountrySet.Empty;

    private static CountrySet[] BuildMembers()
    {
        var members = new CountrySet[s_codes.Length];
        foreach (var country in Countries.All)
            members[(int)country.Continent] = members[(int)country.Continent].With(country.Index);
        return members;
    }
}
