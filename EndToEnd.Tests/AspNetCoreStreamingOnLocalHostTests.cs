using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>Streamed responses of the ASP.NET Core integration on LocalHost.</summary>
[Collection(AspNetCoreProbeCollection.Name)]
public sealed class AspNetCoreStreamingOnLocalHostTests(AspNetCoreProbeFixture fixture) : AspNetCoreStreamingTests(fixture);
