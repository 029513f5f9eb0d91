namespace Meridian.Api.Tests.Support;

/// <summary>Files of the repository the tests run from, and of the shared folder beside it (<c>../shared</c>: the
/// specs; CI keeps a copy beside its clone, a worktree finds it beside the folder of worktrees).</summary>
public static class RepositoryFiles
{
    /// <summary>The folder holding Meridian.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file of the shared folder, e.g. <c>specs/partner-api.txt</c>, or null when there is none.</summary>
    public static string? Shared(string relativePath)
    {
        foreach (string shared in new[] { "../shared", "../../shared" })
        {
            string candidate = Path.GetFullPath(Path.Combine(Root, shared, relativePath));
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Meridian.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"no Meridian.sln above {AppContext.BaseDirectory}");
    }
}
