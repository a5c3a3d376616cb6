using System.Net;
using Microsoft.Data.Sqlite;
using YieldDeps.Testing;

namespace Quickstart.Tests;

/// <summary>
/// The quickstart runs on the code the YieldDeps source generator wrote for it: the setup and teardown spans of
/// <c>Db.Open</c> say so (<c>yielddeps.plan</c>). CI runs this project a second time with generated code turned off
/// (YieldDeps__GeneratedCode=false), when the same spans say <c>runtime</c>.
/// </summary>
[Collection(QuickstartAppCollection.Name)]
public sealed class GeneratedCodeTests(FunctionsApplicationFactory<Db> factory) : IClassFixture<FunctionsApplicationFactory<Db>>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.db");

    private static string Expected =>
        string.Equals(Environment.GetEnvironmentVariable("YieldDeps__GeneratedCode"), "false", StringComparison.OrdinalIgnoreCase) ? "runtime" : "generated";

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task AddNote_RunsOnGeneratedCode()
    {
        using var paths = FunctionPaths.Record();
        await using var app = factory.WithSetting("NotesDb", new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString());
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/notes", new StringContent("generated"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([Expected], paths.Of("AddNote"));
    }
}
