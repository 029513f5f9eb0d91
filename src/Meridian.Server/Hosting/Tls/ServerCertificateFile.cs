using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Meridian.Server.Hosting.Tls;

/// <summary>Reads the HTTPS certificate named by <c>Meridian:Certificate</c>: a PEM file holding the certificate (and
/// its key, unless <c>Meridian:CertificateKey</c> names the key's own file), or a PKCS#12 (.p12/.pfx) file. The format
/// is told by the content, not the file name.</summary>
internal static class ServerCertificateFile
{
    public static X509Certificate2 Load(string certificatePath, string? keyPath, string? password)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(certificatePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Meridian:Certificate: cannot read '{certificatePath}': {e.Message}");
        }
        try
        {
            if (LooksLikePem(content))
            {
                using var pem = string.IsNullOrWhiteSpace(keyPath)
                    ? X509Certificate2.CreateFromPemFile(certificatePath)
                    : X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
                // An exportable copy: on some platforms SslStream needs the key in a form it can hand to the TLS
                // library, which a key read from PEM alone is not.
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
            var certificate = X509CertificateLoader.LoadPkcs12(content, string.IsNullOrEmpty(password) ? null : password);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new InvalidOperationException($"Meridian:Certificate: '{certificatePath}' holds no private key");
            }
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException)
        {
            throw new InvalidOperationException(
                $"Meridian:Certificate: '{certificatePath}' is neither a PEM certificate with its private key nor a PKCS#12 file this password opens ({e.Message})");
        }
    }

    private static bool LooksLikePem(byte[] content)
    {
        var text = System.Text.Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 4096));
        return text.Contains("-----BEGIN ", StringComparison.Ordinal);
    }
}
