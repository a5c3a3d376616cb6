using YieldDeps.EndToEnd.Tests;

namespace YieldDeps.EndToEnd.Factory;

/// <summary>The ASP.NET Core integration's contract through FunctionsApplicationFactory: the probe's Program in the test process.</summary>
[Collection(AspNetCoreProbeCollection.Name)]
public sealed class AspNetCoreHttpModelThroughFactoryTests(AspNetCoreProbeApp app) : AspNetCoreHttpModelTests(app);
