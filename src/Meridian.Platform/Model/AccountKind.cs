namespace Meridian.Platform.Model;

/// <summary>What a tenant is: a reseller with end users, a customer owning zones directly, or an operator.</summary>
public enum AccountKind
{
    Client,
    Partner,
    Admin,
}
