namespace Meridian.Platform.Services;

/// <summary>A record as an API gives it. On create, <see cref="Name"/>, <see cref="Type"/> and
/// <see cref="Value"/> are required; on update, a null field keeps its current value.
/// <see cref="Priority"/> is the MX/SRV priority (see <see cref="Records.RecordValueRules"/>);
/// <see cref="Ttl"/> defaults to the record set's TTL, else 3600; <see cref="CountryCodes"/> null or
/// empty means <c>["disabled"]</c>.</summary>
public sealed record RecordInput(
    string? Name = null,
    string? Type = null,
    string? Value = null,
    long? Ttl = null,
    long? Priority = null,
    IReadOnlyList<string>? CountryCodes = null);
