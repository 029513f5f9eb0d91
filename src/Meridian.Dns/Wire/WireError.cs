namespace Meridian.Dns.Wire;

/// <summary>Why reading a message failed. The reader keeps the first error and does nothing afterwards.</summary>
public enum WireError : byte
{
    None = 0,

    /// <summary>Fewer than 12 octets: there is no header to answer, so the packet should be dropped.</summary>
    ShortHeader,

    /// <summary>The message ends inside an item (name, question, record, RDATA), or the counts promise
    /// more items than the data holds.</summary>
    Truncated,

    /// <summary>A label type other than a plain label or a compression pointer (0x40 or 0x80 prefix).</summary>
    BadLabelType,

    /// <summary>The decompressed name would exceed 255 octets.</summary>
    NameTooLong,

    /// <summary>A compression pointer that does not point strictly backwards.</summary>
    BadPointer,

    /// <summary>More compression pointers in one name than any real name needs.</summary>
    TooManyPointers,

    /// <summary>The caller's buffer is too small for the decompressed name or RDATA.</summary>
    BufferTooSmall,

    /// <summary>RDATA that does not fit its type's layout (a name running past RDLENGTH, octets missing or left over).</summary>
    BadRdata,

    /// <summary>An OPT record outside the additional section.</summary>
    OptNotInAdditional,

    /// <summary>More than one OPT record.</summary>
    MultipleOpt,

    /// <summary>An OPT record whose owner is not the root.</summary>
    OptOwnerNotRoot,

    /// <summary>EDNS options whose lengths run past the OPT RDATA.</summary>
    BadOptOptions,

    /// <summary>An EDNS Client Subnet option that breaks RFC 7871 §6 (family, prefix lengths, address octets).</summary>
    BadClientSubnet,

    /// <summary>A query with more than one question.</summary>
    MultipleQuestions,

    /// <summary>Octets left after the last record the counts announce.</summary>
    TrailingData,

    /// <summary>A COOKIE option of the wrong length, or more than one (RFC 7873 §5.2.2).</summary>
    BadCookie,
}
