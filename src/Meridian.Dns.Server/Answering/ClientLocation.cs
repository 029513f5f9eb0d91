using Meridian.Geo;

namespace Meridian.Dns.Server.Answering;

/// <summary>Where the client of the current query is. The address that decides (the ECS address, else the packet's
/// source) is kept when the query starts; the geo lookup runs at most once per query, and only when a geo-targeted
/// record set is answered, so zones without geo never pay for it. One instance per worker.</summary>
internal sealed class ClientLocation(GeoLocator? locator)
{
    private readonly byte[] _address = new byte[16];
    private int _addressLength;
    private bool _located;
    private GeoLocation _location;

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
                if (locator is not null && _addressLength > 0) _location = locator.Locate(_address.AsSpan(0, _addressLength));
            }
            return _location;
        }
    }
}
