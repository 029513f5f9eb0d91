namespace Meridian.Platform.Model;

/// <summary>The RSA-2048 DKIM key pair of one domain and selector: the public key as published, the private key
/// (PKCS#8) encrypted with Data Protection, handed only to the owning account (<c>GET /api/v1/dns.dkim</c>).</summary>
public sealed class DkimKey
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public ApiEnvironment Environment { get; set; }

    public string Domain { get; set; } = "";

    public string Selector { get; set; } = "";

    /// <summary>Base64 SubjectPublicKeyInfo: the <c>p=</c> of the DKIM record.</summary>
    public string PublicKey { get; set; } = "";

    public string ProtectedPrivateKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
