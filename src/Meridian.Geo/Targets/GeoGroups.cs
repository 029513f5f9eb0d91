using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Meridian.Geo;

/// <summary>The table of named country groups. docs/geodns.md lists every member; a test keeps the two equal.</summary>
public static class GeoGroups
{
    // Western Asia as business regions count it with Europe and Africa (Middle East + Caucasus).
    private const string MiddleEastAndCaucasus = "AE AM AZ BH GE IL IQ IR JO KW LB OM PS QA SA SY TR YE";

    private static readonly GeoGroup[] s_all =
    [
        Define("EMEA", "Europe, the Middle East and Africa: continents EU and AF plus the Middle East and the Caucasus",
            [Continent.Europe, Continent.Africa], add: MiddleEastAndCaucasus),
        Define("APAC", "Asia-Pacific: continents AS and OC without the Middle East and the Caucasus",
            [Continent.Asia, Continent.Oceania], remove: MiddleEastAndCaucasus),
        Define("AMER", "The Americas: continents NA and SA",
            [Continent.NorthAmerica, Continent.SouthAmerica]),
        Define("LATAM", "Latin America: Mexico, Central America, continent SA and the Latin Caribbean",
            [Continent.SouthAmerica], add: "MX BZ CR GT HN NI PA SV CU DO HT PR GP MQ BL MF"),
        Define("MENA", "Middle East and North Africa",
            [], add: "AE BH DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE"),
        Define("GCC", "Gulf Cooperation Council", [], add: "AE BH KW OM QA SA"),
        Define("EU27", "Member states of the European Union", [],
            add: "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"),
        Define("DACH", "Germany, Austria and Switzerland", [], add: "DE AT CH"),
        Define("BENELUX", "Belgium, the Netherlands and Luxembourg", [], add: "BE NL LU"),
        Define("NORDICS", "The Nordic countries with Åland, the Faroe Islands, Greenland and Svalbard", [],
            add: "DK FI IS NO SE AX FO GL SJ"),
        Define("BALTICS", "Estonia, Latvia and Lithuania", [], add: "EE LV LT"),
        Define("CIS", "Commonwealth of Independent States members and Turkmenistan", [],
            add: "AM AZ BY KG KZ MD RU TJ TM UZ"),
        Define("ASEAN", "Association of Southeast Asian Nations", [], add: "BN ID KH LA MM MY PH SG TH VN"),
        Define("ANZ", "Australia and New Zealand", [], add: "AU NZ"),
    ];

    private static readonly FrozenDictionary<string, GeoGroup> s_byName =
        s_all.ToFrozenDictionary(group => group.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every group, in documentation order.</summary>
    public static IReadOnlyList<GeoGroup> All => s_all;

    /// <summary>Finds a group by name, in either case.</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out GeoGroup? group)
    {
        group = null;
        return name is not null && s_byName.TryGetValue(name, out group);
    }

    private static GeoGroup Define(string name, string description, Continent[] continents, string add = "", string remove = "")
    {
        // Two-letter names would be read as countries or continents.
        if (name.Length < 3) throw new InvalidOperationException($"group name {name} is too short");
        var members = CountrySet.Empty;
        foreach (var continent in continents) members = members.Union(Continents.Members(continent));
        members = members.Union(Parse(name, add)).Except(Parse(name, remove));
        return new GeoGroup(name, description, members);
    }

    private static CountrySet Parse(string group, string codes)
    {
        var set = CountrySet.Empty;
        foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Countries.TryGet(code, out var country))
                throw new InvalidOperationException($"group {group}: {code} is not in the country table");
            set = set.With(country.Index);
        }
        return set;
    }
}
