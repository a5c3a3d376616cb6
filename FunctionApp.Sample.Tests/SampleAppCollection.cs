namespace FunctionApp.Sample.Tests;

/// <summary>
/// The test classes that run the sample's Program.cs, one class at a time: the worker's ASP.NET Core integration,
/// which the sample uses, keeps one HTTP port per process, so two such apps cannot run side by side in one process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleAppCollection
{
    public const string Name = "The sample's Program.cs";
}
