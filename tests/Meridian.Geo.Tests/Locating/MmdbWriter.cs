using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Meridian.Geo.Tests.Locating;

/// <summary>
/// A minimal MaxMind DB (format 2.0) writer for tests, written from the published format: a binary search tree
/// with 24-bit records, a 16-octet separator, the data section, then the metadata marker and map.
/// Values: string, ushort (uint16), uint (uint32), ulong (uint64), double, bool, <see cref="Map"/>, object[] (array).
/// </summary>
internal sealed class MmdbWriter
{
    /// <summary>A map that keeps keys in the order given.</summary>
    public sealed class Map : List<KeyValuePair<string, object>>
    {
        public void Add(string key, object value) => Add(new KeyValuePair<string, object>(key, value));
    }

    private sealed class Node
    {
        public readonly object?[] Children = new object?[2]; // Node, int (data offset) or null (no data)
    }

    private readonly int _ipVersion;
    private readonly List<(byte[] Address, int Prefix, Map Record)> _networks = [];

    public MmdbWriter(int ipVersion) => _ipVersion = ipVersion;

    public string DatabaseType { get; init; } = "Meridian-Test";

    /// <summary>
    /// Adds a network ("192.0.2.0/24", "2001:db8::/32"); IPv4 in an IPv6 tree goes under ::/96.
    /// Add a network before any longer one inside it: a later shorter network replaces what it covers.
    /// </summary>
    public MmdbWriter Add(string cidr, Map record)
    {
        var parts = cidr.Split('/');
        var address = IPAddress.Parse(parts[0]);
        int prefix = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        byte[] bytes = address.GetAddressBytes();
        if (_ipVersion == 6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes = [.. new byte[12], .. bytes];
            prefix += 96;
        }
        if (_ipVersion == 4 && bytes.Length != 4) throw new ArgumentException("IPv6 network in an IPv4 tree");
        _networks.Add((bytes, prefix, record));
        return this;
    }

    private static void Insert(Node root, byte[] address, int prefix, int dataOffset)
    {
        var node = root;
        for (int depth = 0; depth < prefix - 1; depth++)
        {
            int bit = Bit(address, depth);
            switch (node.Children[bit])
            {
                case Node next:
                    node = next;
                    break;
                case var leaf:
                    // A shorter network already ends here: push it down both sides so the longer one can branch.
                    var split = new Node();
                    split.Children[0] = leaf;
                    split.Children[1] = leaf;
                    node.Children[bit] = split;
                    node = split;
                    break;
            }
        }
        node.Children[Bit(address, prefix - 1)] = dataOffset;
    }

    private static int Bit(byte[] address, int index) => (address[index >> 3] >> (7 - (index & 7))) & 1;

    public byte[] ToArray()
    {
        using var data = new MemoryStream();
        var root = new Node();
        foreach (var (address, prefix, record) in _networks)
        {
            int offset = (int)data.Length;
            WriteValue(data, record);
            Insert(root, address, prefix, offset);
        }

        // Breadth-first numbering puts the root at node 0, as the format requires.
        var nodes = new List<Node> { root };
        var numbers = new Dictionary<Node, int> { [root] = 0 };
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var child in nodes[i].Children)
            {
                if (child is Node n && !numbers.ContainsKey(n))
                {
                    numbers[n] = nodes.Count;
                    nodes.Add(n);
                }
            }
        }
        int nodeCount = nodes.Count;
        using var file = new MemoryStream();
        foreach (var node in nodes)
        {
            foreach (var child in node.Children)
            {
                int record = child switch
                {
                    Node n => numbers[n],
                    int offset => nodeCount + 16 + offset,
                    _ => nodeCount,
                };
                file.WriteByte((byte)(record >> 16));
                file.WriteByte((byte)(record >> 8));
                file.WriteByte((byte)record);
            }
        }
        file.Write(new byte[16]);
        data.WriteTo(file);
        file.Write([0xAB, 0xCD, 0xEF]);
        file.Write("MaxMind.com"u8);
        WriteValue(file, new Map
        {
            { "binary_format_major_version", (ushort)2 },
            { "binary_format_minor_version", (ushort)0 },
            { "build_epoch", (ulong)1_700_000_000 },
            { "database_type", DatabaseType },
            { "description", new Map { { "en", "Meridian test database" } } },
            { "ip_version", (ushort)_ipVersion },
            { "languages", new object[] { "en" } },
            { "node_count", (uint)nodeCount },
            { "record_size", (ushort)24 },
        });
        return file.ToArray();
    }

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, ToArray());
        return path;
    }

    private static void WriteValue(Stream stream, object value)
    {
        switch (value)
        {
            case string s:
                var utf8 = Encoding.UTF8.GetBytes(s);
                WriteControl(stream, 2, utf8.Length);
                stream.Write(utf8);
                break;
            case double d:
                WriteControl(stream, 3, 8);
                stream.Write(BitConverter.GetBytes(BitConverter.DoubleToInt64Bits(d)).Reverse().ToArray());
                break;
            case ushort u16:
                WriteUnsigned(stream, 5, u16);
                break;
            case uint u32:
                WriteUnsigned(stream, 6, u32);
                break;
            case ulong u64:
                WriteUnsigned(stream, 9, u64);
                break;
            case bool b:
                WriteControl(stream, 14, b ? 1 : 0);
                break;
            case Map map:
                WriteControl(stream, 7, map.Count);
                foreach (var (key, item) in map)
                {
                    WriteValue(stream, key);
                    WriteValue(stream, item);
                }
                break;
            case object[] array:
                WriteControl(stream, 11, array.Length);
                foreach (var item in array) WriteValue(stream, item);
                break;
            default:
                throw new ArgumentException($"cannot encode {value.GetType().Name}");
        }
    }

    private static void WriteUnsigned(Stream stream, int type, ulong value)
    {
        var bytes = new List<byte>();
        for (; value != 0; value >>= 8) bytes.Insert(0, (byte)value);
        WriteControl(stream, type, bytes.Count);
        stream.Write(bytes.ToArray());
    }

    // Control byte: 3 type bits and 5 size bits; types above 7 are "extended" (type 0, then type - 7 in the next octet).
    private static void WriteControl(Stream stream, int type, int size)
    {
        int typeBits = type <= 7 ? type : 0;
        byte[] sizeTail;
        int sizeBits;
        if (size < 29) (sizeBits, sizeTail) = (size, []);
        else if (size < 29 + 256) (sizeBits, sizeTail) = (29, [(byte)(size - 29)]);
        else if (size < 285 + 65536) (sizeBits, sizeTail) = (30, [(byte)((size - 285) >> 8), (byte)(size - 285)]);
        else
        {
            int rest = size - 65821;
            (sizeBits, sizeTail) = (31, [(byte)(rest >> 16), (byte)(rest >> 8), (byte)rest]);
        }
        stream.WriteByte((byte)((typeBits << 5) | sizeBits));
        if (type > 7) stream.WriteByte((byte)(type - 7));
        stream.Write(sizeTail);
    }
}
