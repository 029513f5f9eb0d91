namespace Meridian.Dns.Text;

/// <summary>One token of a zone file: a range of the source octets as written (escapes intact, quotes
/// removed when <see cref="Quoted"/>), with its position for error messages.</summary>
public readonly record struct TextToken(int Start, int Length, bool Quoted, int Line, int Column);
