using Meridian.Dns.Rdata.Fields;
using Meridian.Dns.Records;
using static Meridian.Dns.Rdata.DnssecMnemonics;

namespace Meridian.Dns.Rdata;

public static partial class RdataFormats
{
    /// <summary>The RFC 1035-era, mail, service and DNSSEC types, each as BIND 9.18 reads and prints it.
    /// NULL, UINFO, UID, GID and UNSPEC are left out on purpose: BIND knows them only in the generic form.</summary>
    static partial void AddClassicFormats(Dictionary<DnsType, RdataFormat> formats)
    {
        var name = NameField.Instance;
        var u8 = NumberField.UInt8;
        var u16 = NumberField.UInt16;
        var u32 = NumberField.UInt32;
        var ttl = TtlField.Instance;
        var text = CharacterStringField.Plain;
        var algorithm = new MnemonicField(Kind.Algorithm, 1);
        var protocol = new MnemonicField(Kind.KeyProtocol, 1);
        var nsec3Hash = new MnemonicField(Kind.Nsec3HashAlgorithm, 1);

        foreach (var type in new[] { DnsType.MB, DnsType.MD, DnsType.MF, DnsType.MG, DnsType.MR, DnsType.NSAPPTR })
            formats[type] = SingleNameRdataFormat.Instance;

        formats[DnsType.SOA] = new FieldSequenceFormat(name, name, u32, ttl, ttl, ttl, ttl);
        var preferenceAndName = new FieldSequenceFormat(u16, name);
        foreach (var type in new[] { DnsType.MX, DnsType.AFSDB, DnsType.RT, DnsType.KX })
            formats[type] = preferenceAndName;
        formats[DnsType.PX] = new FieldSequenceFormat(u16, name, name);
        formats[DnsType.SRV] = new FieldSequenceFormat(u16, u16, u16, name);
        formats[DnsType.MINFO] = new FieldSequenceFormat(name, name);
        formats[DnsType.RP] = new FieldSequenceFormat(name, name);
        formats[DnsType.NAPTR] = new FieldSequenceFormat(u16, u16, text, text, new CharacterStringField(StringRule.NaptrRegexp), name);

        var strings = new FieldSequenceFormat(CharacterStringListField.Instance);
        formats[DnsType.TXT] = strings;
        formats[DnsType.SPF] = strings;
        formats[DnsType.NINFO] = strings;
        formats[DnsType.HINFO] = new FieldSequenceFormat(text, text);
        formats[DnsType.X25] = new FieldSequenceFormat(new CharacterStringField(StringRule.X25Address));
        formats[DnsType.ISDN] = new FieldSequenceFormat(text, new CharacterStringField(optional: true));
        formats[DnsType.GPOS] = new FieldSequenceFormat(text, text, text);
        formats[DnsType.NSAP] = new FieldSequenceFormat(NsapField.Instance);
        formats[DnsType.WKS] = WksRdataFormat.Instance;
        formats[DnsType.CAA] = new FieldSequenceFormat(u8, CaaTagField.Instance, new RemainingTextField(mustBeQuoted: false));
        formats[DnsType.URI] = new FieldSequenceFormat(u16, u16, new RemainingTextField(mustBeQuoted: true));

        var association = new FieldSequenceFormat(u8, u8, u8, HexField.Rest);
        formats[DnsType.TLSA] = association;
        formats[DnsType.SMIMEA] = association;
        formats[DnsType.SSHFP] = new FieldSequenceFormat(u8, u8, new HexField(DigestLengths.SshFingerprint));

        var delegationSigner = new FieldSequenceFormat(u16, algorithm, new MnemonicField(Kind.DigestType, 1), new HexField(DigestLengths.Delegation));
        foreach (var type in new[] { DnsType.DS, DnsType.CDS, DnsType.DLV, DnsType.TA })
            formats[type] = delegationSigner;

        var dnskey = new FieldSequenceFormat(new KeyFlagsField(mustBeZero: false), protocol, algorithm, new KeyDataField(noKeyAllowed: false));
        formats[DnsType.DNSKEY] = dnskey;
        formats[DnsType.CDNSKEY] = dnskey;
        formats[DnsType.KEY] = new FieldSequenceFormat(new KeyFlagsField(mustBeZero: false), protocol, algorithm, new KeyDataField(noKeyAllowed: true));
        formats[DnsType.RKEY] = new FieldSequenceFormat(new KeyFlagsField(mustBeZero: true), protocol, algorithm, new KeyDataField(noKeyAllowed: false));

        var rrsigTime = new TimeField(allowSeconds: true);
        var sigTime = new TimeField(allowSeconds: false);
        formats[DnsType.RRSIG] = new FieldSequenceFormat(new CoveredTypeField(numberWhenUnknown: false), algorithm, u8, u32,
            rrsigTime, rrsigTime, u16, SignerNameField.Instance, Base64Field.Required);
        formats[DnsType.SIG] = new FieldSequenceFormat(new CoveredTypeField(numberWhenUnknown: true), algorithm, u8, u32,
            sigTime, sigTime, u16, name, Base64Field.Required);

        formats[DnsType.NSEC] = new FieldSequenceFormat(name, new TypeBitmapField(allowEmpty: false));
        formats[DnsType.NSEC3] = new FieldSequenceFormat(nsec3Hash, u8, u16, SaltField.Instance, NextHashedOwnerField.Instance, new TypeBitmapField(allowEmpty: true));
        formats[DnsType.NSEC3PARAM] = new FieldSequenceFormat(nsec3Hash, u8, u16, SaltField.Instance);
        formats[DnsType.NXT] = new FieldSequenceFormat(name, NxtBitmapField.Instance);
        formats[DnsType.CSYNC] = new FieldSequenceFormat(u32, u16, new TypeBitmapField(allowEmpty: true));
        formats[DnsType.ZONEMD] = new FieldSequenceFormat(u32, u8, u8, new HexField(DigestLengths.ZoneDigest, DigestLengths.ZoneDigestMinimum));

        var base64 = new FieldSequenceFormat(Base64Field.Required);
        formats[DnsType.DHCID] = base64;
        formats[DnsType.OPENPGPKEY] = base64;
        formats[DnsType.CERT] = new FieldSequenceFormat(new MnemonicField(Kind.CertType, 2, printMnemonic: true), u16,
            new MnemonicField(Kind.Algorithm, 1, printMnemonic: true), Base64Field.Required);
        var hex = new FieldSequenceFormat(HexField.Rest);
        formats[DnsType.EID] = hex;
        formats[DnsType.NIMLOC] = hex;
        formats[DnsType.SINK] = new FieldSequenceFormat(u8, u8, u8, Base64Field.Optional);
    }
}
