namespace Meridian.Api.OpenApi;

/// <summary>A response field Meridian always sends but that its OpenAPI document does not mark required: the
/// surface's spec shows the shape without it, so a client written against the spec must not be told to expect it,
/// and a response exactly as the spec shows it still matches the document.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class OptionalInDocumentAttribute : Attribute;
