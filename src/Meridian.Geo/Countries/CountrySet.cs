using System.Numerics;

namespace Meridian.Geo;

/// <summary>A set of countries as a 256-bit mask over country indexes: no allocation, O(1) membership.</summary>
internal readonly struct CountrySet : IEquatable<CountrySet>
{
    public const int Capacity = 256;

    private readonly ulong _w0, _w1, _w2, _w3;

    private CountrySet(ulong w0, ulong w1, ulong w2, ulong w3) => (_w0, _w1, _w2, _w3) = (w0, w1, w2, w3);

    public static CountrySet Empty => default;

    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

    public int Count =>
        BitOperations.PopCount(_w0) + BitOperations.PopCount(_w1) + BitOperations.PopCount(_w2) + BitOperations.PopCount(_w3);

    public bool Contains(int index) => (uint)index < Capacity && (Word(index >> 6) & (1UL << (index & 63))) != 0;

    public CountrySet With(int index)
    {
        if ((uint)index >= Capacity) throw new ArgumentOutOfRangeException(nameof(index));
        ulong bit = 1UL << (index & 63);
        return (index >> 6) switch
        {
            0 => new(_w0 | bit, _w1, _w2, _w3),
            1 => new(_w0, _w1 | bit, _w2, _w3),
            2 => new(_w0, _w1, _w2 | bit, _w3),
            _ => new(_w0, _w1, _w2, _w3 | bit),
        };
    }

    public CountrySet Union(CountrySet other) =>
        new(_w0 | other._w0, _w1 | other._w1, _w2 | other._w2, _w3 | other._w3);

    public CountrySet Except(CountrySet other) =>
        new(_w0 & ~other._w0, _w1 & ~other._w1, _w2 & ~other._w2, _w3 & ~other._w3);

    /// <summary>The smallest member index at or after <paramref name="start"/>, or -1: iteration without an enumerator.</summary>
    public int NextIndex(int start)
    {
        for (int index = Math.Max(start, 0); index < Capacity;)
        {
            ulong word = Word(index >> 6) >> (index & 63);
            if (word != 0) return index + BitOperations.TrailingZeroCount(word);
            index = ((index >> 6) + 1) << 6;
        }
        return -1;
    }

    private ulong Word(int i) => i switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };

    public bool Equals(CountrySet other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is CountrySet other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    public static bool operator ==(CountrySet left, CountrySet right) => left.Equals(right);

    public static bool operator !=(CountrySet left, CountrySet right) => !left.Equals(right);
}
