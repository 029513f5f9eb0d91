using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;

namespace Meridian.Dns.Server.Zones;

/// <summary>A zone file that cannot be served, with where and why.</summary>
public sealed class ZoneLoadException(string message) : Exception(message);

/// <summary>Reads a zone file into a snapshot ready to serve, refusing files that could not be
/// answered from correctly (syntax errors, records outside the zone, no SOA at the apex).</summary>
internal static class ZoneFileLoader
{
    public static ZoneSnapshot Load(string path, DnsName origin)
    {
        var options = new ZoneFileReaderOptions { Origin = origin, FileName = path, IncludeDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) };
        return Load(ZoneFileReader.FromFile(path, options), origin, path);
    }

    /// <summary>Reads zone text held in memory (tests, the API's import).</summary>
    public static ZoneSnapshot Parse(string text, DnsName origin)
    {
        var options = new ZoneFileReaderOptions { Origin = origin, FileName = "<text>" };
        return Load(new ZoneFileReader(System.Text.Encoding.UTF8.GetBytes(text), options), origin, "<text>");
    }

    private static ZoneSnapshot Load(ZoneFileReader reader, DnsName origin, string path)
    {
        var builder = new ZoneSnapshotBuilder(origin);
        int soaAtApex = 0;
        while (reader.TryReadNext(out var record))
        {
            if (record.Class != DnsClass.IN) throw new ZoneLoadException($"{reader.Position}: only class IN zones are served");
            if (!builder.TryAdd(record.Owner, record.Type, record.Ttl, record.Data, out var error))
                throw new ZoneLoadException($"{reader.Position}: {record.Owner}: {error}");
            if (record.Type == DnsType.SOA && record.Owner.Equals(origin)) soaAtApex++;
        }
        if (reader.Error is not null) throw new ZoneLoadException(reader.Error.ToString());
        if (soaAtApex == 0) throw new ZoneLoadException($"{path}: zone {origin} has no SOA record at its apex");
        return builder.Build();
    }
}
