using System.Net;
using System.Text.Json;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Notes;

/// <summary>The built-in HTTP model end to end: commit on success, rollback on a 409, and a broken registration refused at startup.</summary>
[Collection(NotesAppCollection.Name)]
public sealed class NotesAppTests(NotesAppFixture app)
{
    [Fact]
    public async Task ANoteIsCommittedAndARefusedOneIsRolledBack()
    {
        var committed = $"note-{Guid.NewGuid():N}";

        using var created = await app.Client.PostAsync("api/notes", new StringContent(committed));
        using var refused = await app.Client.PostAsync("api/notes", new StringContent("conflict"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.EndsWith("conflicts with itself.", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(committed, app.Notes());
        Assert.DoesNotContain("conflict", app.Notes());
    }

    [Fact]
    public async Task NotesAreListedThroughTheSameSessionDependency()
    {
        var text = $"listed-{Guid.NewGuid():N}";
        using var created = await app.Client.PostAsync("api/notes", new StringContent(text));

        using var listed = await app.Client.GetAsync("api/notes");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(text, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyNoteIs400AndNothingIsWritten()
    {
        var before = app.Notes().Count;

        using var response = await app.Client.PostAsync("api/notes", new StringContent("   "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, app.Notes().Count);
    }

    [Fact]
    public async Task ARegistrationThatCanNeverWorkStopsTheHostAtStartupNamingTheDependency()
    {
        // The fixture has built the app; start its output again with the broken registration switched on.
        await using var broken = await LocalFunctionsHost.LaunchAsync(
            RepositoryPaths.ProbeAppOutput("NotesApp"),
            new Dictionary<string, string> { ["NotesDb"] = app.ConnectionString, ["NOTES_BROKEN_REGISTRATION"] = "1" });

        var exitCode = await broken.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("DependencyRegistrationException", broken.Output, StringComparison.Ordinal);
        Assert.Contains("Dependency 'Misconfigured.NeedsUnregistered' (Misconfigured) has parameter 'missing' of type Unregistered", broken.Output, StringComparison.Ordinal);
    }
}
