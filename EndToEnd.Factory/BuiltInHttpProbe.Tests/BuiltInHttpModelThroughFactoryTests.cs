using YieldDeps.EndToEnd.Tests;

namespace YieldDeps.EndToEnd.Factory;

/// <summary>The built-in HTTP model's contract through FunctionsApplicationFactory: the probe's Program in the test process.</summary>
[Collection(BuiltInProbeCollection.Name)]
public sealed class BuiltInHttpModelThroughFactoryTests(BuiltInProbeApp app) : BuiltInHttpModelTests(app);
