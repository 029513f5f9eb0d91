using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Wire;
using static Meridian.Dns.Tests.Wire.WirePackets;

namespace Meridian.Dns.Tests.Wire;

public class WireNameReaderTests
{
    private static (WireError Error, byte[] Name, int Offset) Read(byte[] message, int offset, bool lowercase = false, int bufferSize = 255)
    {
        var buffer = new byte[bufferSize];
        var error = WireNameReader.Read(message, ref offset, buffer, lowercase, out int length);
        return (error, buffer[..length], offset);
    }

    [Fact]
    public void Read_copies_an_uncompressed_name_and_moves_past_it()
    {
        var message = Concat(Header(), Name("www.example.com."), [0xAA]);
        var (error, name, offset) = Read(message, 12);
        Assert.Equal(WireError.None, error);
        Assert.Equal(Name("www.example.com."), name);
        Assert.Equal(12 + 17, offset);
    }

    [Fact]
    public void Read_follows_a_pointer_and_resumes_after_the_pointer()
    {
        // example.com at 12, then "www" + pointer to it at 25.
        var message = Concat(Header(), Name("example.com."), [3, (byte)'w', (byte)'w', (byte)'w'], Pointer(12), [0xAA]);
        var (error, name, offset) = Read(message, 25);
        Assert.Equal(WireError.None, error);
        Assert.Equal(Name("www.example.com."), name);
        Assert.Equal(25 + 4 + 2, offset);
    }

    [Fact]
    public void Read_follows_a_chain_of_backward_pointers()
    {
        // com at 12; example + ptr(12) at 17; www + ptr(17) at 27; ptr(27) at 33.
        var message = Concat(Header(), Name("com."), [7], Encoding.ASCII.GetBytes("example"), Pointer(12),
            [3], Encoding.ASCII.GetBytes("www"), Pointer(17), Pointer(27));
        var (error, name, offset) = Read(message, 33);
        Assert.Equal(WireError.None, error);
        Assert.Equal(Name("www.example.com."), name);
        Assert.Equal(35, offset);
    }

    [Fact]
    public void Read_lowercases_letters_when_asked_and_keeps_case_otherwise()
    {
        var message = Concat(Header(), Name("WwW.ExAmPlE.CoM."));
        Assert.Equal(Name("WwW.ExAmPlE.CoM."), Read(message, 12).Name);
        Assert.Equal(Name("www.example.com."), Read(message, 12, lowercase: true).Name);
    }

    [Fact]
    public void Read_rejects_a_pointer_to_itself()
    {
        var message = Concat(Header(), Pointer(12));
        Assert.Equal(WireError.BadPointer, Read(message, 12).Error);
    }

    [Fact]
    public void Read_rejects_a_pointer_loop_from_either_end()
    {
        // A at 12 points to B at 14, which points back to A.
        var message = Concat(Header(), Pointer(14), Pointer(12));
        Assert.Equal(WireError.BadPointer, Read(message, 12).Error);
        Assert.Equal(WireError.BadPointer, Read(message, 14).Error);
    }

    [Fact]
    public void Read_rejects_a_forward_pointer_even_to_a_valid_name()
    {
        var message = Concat(Header(), Pointer(14), Name("example.com."));
        Assert.Equal(WireError.BadPointer, Read(message, 12).Error);
    }

    [Fact]
    public void Read_rejects_a_pointer_into_the_labels_of_the_same_name()
    {
        // "www" at 12 then a pointer back to 12: before the pointer, but not before the name's start.
        var message = Concat(Header(), [3, (byte)'w', (byte)'w', (byte)'w'], Pointer(12));
        Assert.Equal(WireError.BadPointer, Read(message, 12).Error);
    }

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x80)]
    [InlineData(0x7F)]
    [InlineData(0xBF)]
    public void Read_rejects_reserved_label_types(byte lengthOctet)
    {
        var message = Concat(Header(), [lengthOctet], new byte[80], [0]);
        Assert.Equal(WireError.BadLabelType, Read(message, 12).Error);
    }

    [Fact]
    public void Read_accepts_a_name_of_exactly_255_octets_split_across_pointers()
    {
        // Labels 63, 63, 63 and 61 octets: 4 + 250 + 1 = 255 octets. Each label sits in its own place.
        var message = BuildPointerChain([61, 63, 63, 63], out int start);
        var (error, name, _) = Read(message, start);
        Assert.Equal(WireError.None, error);
        Assert.Equal(255, name.Length);
    }

    [Fact]
    public void Read_rejects_a_name_over_255_octets_built_with_pointers()
    {
        // 63 x 4 labels = 256 + root = 257 octets, each piece valid on its own.
        var message = BuildPointerChain([63, 63, 63, 63], out int start);
        Assert.Equal(WireError.NameTooLong, Read(message, start).Error);
        Assert.Equal(WireError.NameTooLong, WireNameReader.Skip(message, ref start, out _));
    }

    [Fact]
    public void Read_allows_128_pointers_and_rejects_129()
    {
        // Root at 12, then pointers each pointing two octets back.
        var pointers = new List<byte>();
        for (int i = 0; i < 129; i++) pointers.AddRange(Pointer(i == 0 ? 12 : 13 + (i - 1) * 2));
        var message = Concat(Header(), [0], pointers.ToArray());
        int after128 = 13 + 127 * 2;   // reading from the 128th pointer takes 128 jumps to the root
        int after129 = 13 + 128 * 2;
        Assert.Equal(WireError.None, Read(message, after128).Error);
        Assert.Equal(WireError.TooManyPointers, Read(message, after129).Error);
    }

    [Fact]
    public void Read_reports_truncation_inside_a_label_and_inside_a_pointer()
    {
        var full = Concat(Header(), Name("example.com."), [3, (byte)'w', (byte)'w', (byte)'w'], Pointer(12));
        Assert.Equal(WireError.Truncated, Read(full[..20], 12).Error);
        Assert.Equal(WireError.Truncated, Read(full[..^1], 25).Error);
        Assert.Equal(WireError.Truncated, Read(full, full.Length).Error);
    }

    [Fact]
    public void Read_reports_a_buffer_too_small_instead_of_writing_past_it()
    {
        var message = Concat(Header(), Name("www.example.com."));
        Assert.Equal(WireError.BufferTooSmall, Read(message, 12, bufferSize: 16).Error);
        Assert.Equal(WireError.None, Read(message, 12, bufferSize: 17).Error);
    }

    [Fact]
    public void Read_returns_a_DnsName_for_callers_off_the_hot_path()
    {
        var message = Concat(Header(), Name("example.com."), [3, (byte)'w', (byte)'w', (byte)'w'], Pointer(12));
        int offset = 25;
        Assert.Equal(WireError.None, WireNameReader.Read(message, ref offset, out DnsName? name));
        Assert.Equal("www.example.com.", name!.ToString());
    }

    /// <summary>Places labels of the given lengths so that the last one listed is read first and each
    /// continues by pointer to the one placed before it.</summary>
    private static byte[] BuildPointerChain(int[] labelLengths, out int start)
    {
        var body = new List<byte>(Header());
        int previous = -1;
        foreach (int length in labelLengths)
        {
            int here = body.Count;
            body.Add((byte)length);
            body.AddRange(Enumerable.Repeat((byte)'a', length));
            if (previous < 0) body.Add(0);
            else body.AddRange(Pointer(previous));
            previous = here;
        }
        start = previous;
        return body.ToArray();
    }
}
