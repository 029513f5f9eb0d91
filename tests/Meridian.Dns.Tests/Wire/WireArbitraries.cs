using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Tests.Wire;

/// <summary>A message as plain data, for write-then-read properties.</summary>
public sealed record GeneratedMessage(ushort Id, ushort Flags, GeneratedQuestion[] Questions, GeneratedRecord[] Records)
{
    public override string ToString() =>
        $"id {Id} flags {Flags:x4}: {string.Join(", ", Questions.Select(q => q.ToString()))} | {string.Join(", ", Records.Select(r => r.ToString()))}";
}

public sealed record GeneratedQuestion(byte[] Name, DnsType Type, DnsClass Class)
{
    public override string ToString() => $"{Convert.ToHexString(Name)} {Type}";
}

/// <summary>A record; <see cref="Names"/> lists the names inside <see cref="Rdata"/> for the compressible types.</summary>
public sealed record GeneratedRecord(DnsSection Section, byte[] Owner, DnsType Type, ushort Class, uint Ttl, byte[] Rdata, RdataLayout Layout)
{
    public override string ToString() => $"{Section} {Convert.ToHexString(Owner)} {Type} {Convert.ToHexString(Rdata)}";
}

/// <summary>Where the names sit in RDATA: fixed octets, then names, then fixed octets.</summary>
public sealed record RdataLayout(int Prefix, int Names, int Suffix)
{
    public static RdataLayout Opaque { get; } = new(0, 0, 0);
}

/// <summary>Generators for FsCheck properties over the wire layer.</summary>
public static class WireArbitraries
{
    private static readonly string[] CommonLabels = ["www", "WWW", "mail", "example", "Example", "com", "net", "a", "b", "ns1", "xn--bcher-kva", "_tcp"];

    private static readonly DnsType[] CompressibleSingleName =
        [DnsType.NS, DnsType.CNAME, DnsType.PTR, DnsType.MB, DnsType.MG, DnsType.MR, DnsType.MD, DnsType.MF];

    private static Gen<byte[]> Label() =>
        Gen.Choose(0, 9).SelectMany(pick => pick switch
        {
            < 6 => Gen.Elements(CommonLabels).Select(Encoding.ASCII.GetBytes),
            < 9 => Gen.Choose(1, 12).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)),
            _ => Gen.Constant(Enumerable.Repeat((byte)'z', 63).ToArray()),
        });

    public static Gen<byte[]> Name() =>
        Gen.Choose(0, 4).SelectMany(count => Gen.ArrayOf(Label(), count)).Select(labels =>
        {
            var wire = new List<byte>();
            foreach (var label in labels)
            {
                if (wire.Count + 1 + label.Length + 1 > 255) break;   // keep within the 255-octet limit
                wire.Add((byte)label.Length);
                wire.AddRange(label);
            }
            wire.Add(0);
            return wire.ToArray();
        });

    private static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Choose(min, max).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length));

    private static Gen<(DnsType Type, byte[] Rdata, RdataLayout Layout)> Rdata() =>
        Gen.Choose(0, 7).SelectMany(pick => pick switch
        {
            0 => Bytes(4, 4).Select(b => (DnsType.A, b, RdataLayout.Opaque)),
            1 => Bytes(0, 40).Select(b => (DnsType.TXT, b, RdataLayout.Opaque)),
            2 => Gen.Choose(256, 65535).Where(t => t != (int)DnsType.OPT).SelectMany(type =>
                Bytes(0, 30).Select(b => ((DnsType)type, b, RdataLayout.Opaque))),
            3 => Gen.Elements(CompressibleSingleName).SelectMany(type =>
                Name().Select(n => (type, n, new RdataLayout(0, 1, 0)))),
            4 => Bytes(2, 2).SelectMany(pref => Name().Select(n => (DnsType.MX, Concat(pref, n), new RdataLayout(2, 1, 0)))),
            5 => Name().SelectMany(m => Name().SelectMany(r => Bytes(20, 20).Select(numbers =>
                (DnsType.SOA, Concat(m, r, numbers), new RdataLayout(0, 2, 20))))),
            6 => Name().SelectMany(a => Name().Select(b => (DnsType.MINFO, Concat(a, b), new RdataLayout(0, 2, 0)))),
            _ => Bytes(6, 6).SelectMany(fixedPart => Name().Select(n => (DnsType.SRV, Concat(fixedPart, n), RdataLayout.Opaque))),
        });

    private static Gen<GeneratedRecord> Record() =>
        from section in Gen.Choose(1, 3)
        from owner in Name()
        from rdata in Rdata()
        from @class in Gen.Elements((ushort)1, (ushort)3, (ushort)255, (ushort)4321)
        from ttl in Gen.Choose(0, int.MaxValue)
        select new GeneratedRecord((DnsSection)section, owner, rdata.Type, @class, (uint)ttl * 2u, rdata.Rdata, rdata.Layout);

    private static Gen<GeneratedQuestion> Question() =>
        from name in Name()
        from type in Gen.Choose(1, 300)
        from @class in Gen.Elements(DnsClass.IN, DnsClass.CH, DnsClass.ANY)
        select new GeneratedQuestion(name, (DnsType)type, @class);

    public static Arbitrary<GeneratedMessage> Messages() => Arb.From(
        from id in Gen.Choose(0, 65535)
        from flags in Gen.Choose(0, 65535)
        from questionCount in Gen.Choose(0, 2)
        from questions in Gen.ArrayOf(Question(), questionCount)
        from recordCount in Gen.Choose(0, 12)
        from records in Gen.ArrayOf(Record(), recordCount)
        select new GeneratedMessage((ushort)id, (ushort)flags, questions, records.OrderBy(r => r.Section).ToArray()));

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
