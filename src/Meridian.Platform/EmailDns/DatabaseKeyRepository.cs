using System.Xml.Linq;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Meridian.Platform.EmailDns;

/// <summary>Keeps ASP.NET Core Data Protection's key ring in the platform's database, so every node of a fleet (and
/// a restarted one) decrypts what any node encrypted; the keys never sit in a file next to the data.</summary>
internal sealed class DatabaseKeyRepository(PlatformDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = database.CreateContext();
        return [.. db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(xml => XElement.Parse(xml))];
    }

    public void StoreElement(XElement element, string friendlyName) =>
        // Data Protection calls this synchronously and rarely (a new key every 90 days).
        Task.Run(async () =>
        {
            await using var transaction = await WriteTransaction.BeginAsync(database, CancellationToken.None);
            transaction.Db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            await transaction.Db.SaveChangesAsync();
            await transaction.CommitAsync(CancellationToken.None);
        }).GetAwaiter().GetResult();
}
