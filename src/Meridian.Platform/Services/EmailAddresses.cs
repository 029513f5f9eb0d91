using System.Net.Mail;

namespace Meridian.Platform.Services;

/// <summary>What the platform accepts as an email address: one mailbox (no display name), a dot in the domain,
/// at most 320 characters.</summary>
public static class EmailAddresses
{
    public static bool IsValid(string text)
    {
        if (text.Length > 320 || text.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text) return false;
        int at = text.LastIndexOf('@');
        return at > 0 && text.IndexOf('.', at) > at + 1 && !text.EndsWith('.');
    }
}
