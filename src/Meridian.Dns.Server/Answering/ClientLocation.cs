using System.Buffers.Binary;
using Meridian.Geo;

namespace Meridian.Dns.Server.Answering;

/// <summary>Where the client of the current query is. The address that decides (the ECS address, else the packet's
/// source) is kept when the query starts; the geo lookup runs at most once per query, and only when a geo-targeted
/// record set is answered, so zones without geo never pay for it. One instance per worker.</summary>
/// <remarks>A database lookup allocates (the MaxMind reader needs an <c>IPAddress</c> and decodes a record), so answers
/// are remembered per address in a small direct-mapped cache: resolvers and ECS subnets repeat, and a hit costs
/// nothing. The cache is emptied when the locator's database or overrides are replaced.</remarks>
internal sealed class ClientLocation(GeoLocator? locator)
{
    private const int CacheSize = 1024;   // a power of two

    private readonly byte[] _address = new byte[16];
    private readonly CacheEntry[] _cache = new CacheEntry[CacheSize];
    private GeoDatabase? _cachedDatabase;
    private GeoOverrides? _cachedOverrides;
    private int _addressLength;
    private bool _located;
    private GeoLocation _location;

    private struct CacheEntry
    {
        public UInt128 Address;
        public byte Length;   // 0 = empty
        public GeoLocation Location;
    }

    /// <summary>Starts a query from <paramref name="address"/> (4 or 16 octets; empty when unknown).</summary>
    public void Reset(ReadOnlySpan<byte> address)
    {
        _addressLength = address.Length is 4 or 16 ? address.Length : 0;
        address[.._addressLength].CopyTo(_address);
        _located = false;
        _location = GeoLocation.Unknown;
    }

    /// <summary>The client's location, looked up on first use in the query.</summary>
    public GeoLocation Location
    {
        get
        {
            if (!_located)
            {
                _located = true;
                if (locator is not null && _addressLength > 0) _location = Locate(locator, _address.AsSpan(0, _addressLength));
            }
            return _location;
        }
    }

    private GeoLocation Locate(GeoLocator geo, ReadOnlySpan<byte> address)
    {
        var database = geo.Database;
        var overrides = geo.Overrides;
        if (!ReferenceEquals(database, _cachedDatabase) || !ReferenceEquals(overrides, _cachedOverrides))
        {
            Array.Clear(_cache);
            (_cachedDatabase, _cachedOverrides) = (database, overrides);
        }
        Span<byte> padded = stackalloc byte[16];
        padded.Clear();
        address.CopyTo(padded);
        var key = BinaryPrimitives.ReadUInt128BigEndian(padded);
        ref var entry = ref _cache[(int)((ulong)(key ^ (key >> 64)) * 0x9E3779B97F4A7C15UL >> 54) & (CacheSize - 1)];
        if (entry.Length == address.Length && entry.Address == key) return entry.Location;
        var location = geo.Locate(address);
        entry = new CacheEntry { Address = key, Length = (byte)address.Length, Location = location };
        return location;
    }
}
