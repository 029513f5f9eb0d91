namespace Meridian.Platform.Model;

/// <summary>One key of ASP.NET Core Data Protection's key ring (its XML), kept in the database so every node of a
/// fleet decrypts what another encrypted.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
