namespace CoupDePouce.Tests.Support;

/// <summary>The checkout the tests run from (the folder that holds CoupDePouce.sln).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoupDePouce.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CoupDePouce.sln not found above " + AppContext.BaseDirectory);
    }
}
