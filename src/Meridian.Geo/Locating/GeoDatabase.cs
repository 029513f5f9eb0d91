using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using MaxMind.Db;

namespace Meridian.Geo;

/// <summary>An open MaxMind-format (.mmdb) country database, memory-mapped, read with MaxMind's reader.</summary>
public sealed class GeoDatabase : IDisposable
{
    private readonly Reader _reader;
    private volatile bool _disposed;

    private GeoDatabase(string path, Reader reader)
    {
        Path = path;
        _reader = reader;
    }

    /// <summary>The file this database was opened from.</summary>
    public string Path { get; }

    /// <summary>The database's own type name, e.g. "GeoLite2-Country" or "country".</summary>
    public string DatabaseType => _reader.Metadata.DatabaseType;

    public DateTime BuildDate => _reader.Metadata.BuildDate;

    /// <summary>4 for an IPv4-only database, 6 for one that holds IPv6 (and usually IPv4) networks.</summary>
    public int IPVersion => _reader.Metadata.IPVersion;

    /// <summary>How many networks the database holds (every data node, IPv4 and IPv6). Walks the whole tree: for
    /// status commands, not for the query path.</summary>
    public long CountNetworks()
    {
        long count = 0;
        foreach (var _ in _reader.FindAll<MmdbGeoRecord>()) count++;
        return count;
    }

    /// <summary>Opens a database file; throws when it is missing or not a MaxMind DB.</summary>
    public static GeoDatabase Open(string path) => new(path, new Reader(path, FileAccessMode.MemoryMapped));

    /// <summary>Opens a database file, or explains why it cannot be used.</summary>
    public static bool TryOpen(string path, [NotNullWhen(true)] out GeoDatabase? database, [NotNullWhen(false)] out string? error)
    {
        database = null;
        try
        {
            database = Open(path);
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDatabaseException
                                      or ArgumentException or NotSupportedException)
        {
            error = $"cannot open geo database \"{path}\": {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// Looks up an address given as 4 (IPv4) or 16 (IPv6) octets. False when the address is not in the database,
    /// has no usable country or continent, or cannot be asked (IPv6 in an IPv4-only file, a wrong length).
    /// Never throws: a damaged file or a lookup racing <see cref="Dispose"/> answers "not found".
    /// </summary>
    public bool TryLookup(ReadOnlySpan<byte> address, out GeoLocation location)
    {
        location = GeoLocation.Unknown;
        address = IpAddressBytes.Unmap(address);
        if (_disposed || address.Length is not (4 or 16)) return false;
        if (address.Length == 16 && _reader.Metadata.IPVersion == 4) return false;
        MmdbGeoRecord? record;
        try
        {
            record = _reader.Find<MmdbGeoRecord>(new IPAddress(address));
        }
        catch (Exception e) when (e is InvalidDatabaseException or DeserializationException or ObjectDisposedException)
        {
            return false;
        }
        if (record is null) return false;
        location = ToLocation(record);
        return !location.IsUnknown;
    }

    private static GeoLocation ToLocation(MmdbGeoRecord record)
    {
        string? code = record.CountryCode ?? record.Country?.IsoCode ?? record.RegisteredCountry?.IsoCode;
        if (Countries.TryGet(code, out var country)) return new GeoLocation(country);
        string? continentCode = record.Continent?.Code ?? record.ContinentCode;
        return Continents.TryParse(continentCode, out var continent)
            ? GeoLocation.ContinentOnly(continent)
            : GeoLocation.Unknown;
    }

    public void Dispose()
    {
        _disposed = true;
        _reader.Dispose();
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path} ({DatabaseType}, built {BuildDate:yyyy-MM-dd})");
}
