using YieldDeps.EndToEnd.Tests;

namespace YieldDeps.EndToEnd.Factory;

/// <summary>Streamed responses of the ASP.NET Core integration through FunctionsApplicationFactory.</summary>
[Collection(AspNetCoreProbeCollection.Name)]
public sealed class AspNetCoreStreamingThroughFactoryTests(AspNetCoreProbeApp app) : AspNetCoreStreamingTests(app);
