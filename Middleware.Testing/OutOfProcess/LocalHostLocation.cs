namespace YieldDeps.Testing;

/// <summary>
/// Where LocalHost.dll is: the path in <see cref="Variable"/> when set, else <c>yielddeps-localhost/LocalHost.dll</c>
/// in the test's output folder, where the package's build targets copy it.
/// </summary>
internal static class LocalHostLocation
{
    public const string Variable = "YIELDDEPS_LOCALHOST";

    public const string OutputFolder = "yielddeps-localhost";

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured);
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"{Variable} names '{path}', which does not exist.", path);
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, OutputFolder, "LocalHost.dll");
        return File.Exists(bundled)
            ? bundled
            : throw new FileNotFoundException(
                $"LocalHost.dll was not found at '{bundled}'. The YieldDeps.Testing package copies it there when the test project builds; "
                + $"otherwise set {Variable} to the path of LocalHost.dll.",
                bundled);
    }
}
