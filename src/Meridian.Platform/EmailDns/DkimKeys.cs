using System.Security.Cryptography;

namespace Meridian.Platform.EmailDns;

/// <summary>Makes DKIM key pairs: RSA 2048 bits (RFC 8301 asks for at least 1024 and recommends 2048).</summary>
internal static class DkimKeys
{
    public const int KeySize = 2048;

    /// <summary>A new pair: the public key as base64 SubjectPublicKeyInfo (the record's <c>p=</c>) and the private key as PKCS#8 PEM.</summary>
    public static (string PublicKey, string PrivateKeyPem) Create()
    {
        using var rsa = RSA.Create(KeySize);
        return (Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()), rsa.ExportPkcs8PrivateKeyPem());
    }
}
