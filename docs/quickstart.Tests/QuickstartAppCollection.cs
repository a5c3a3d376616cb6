namespace Quickstart.Tests;

/// <summary>
/// The test classes that run the quickstart's Program.cs, one class at a time: the worker's ASP.NET Core integration
/// keeps one HTTP port per process, so two such apps cannot start side by side in one process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QuickstartAppCollection
{
    public const string Name = "The quickstart's Program.cs";
}
