using Meridian.Platform.Auth;
using Meridian.Platform.Model;

namespace Meridian.Platform.Services;

/// <summary>The account whose key was rotated and the new key (its token shown once).</summary>
public sealed record RotatedKey(Account Account, IssuedApiKey Issued);
