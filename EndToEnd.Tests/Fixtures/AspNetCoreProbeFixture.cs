namespace YieldDeps.EndToEnd.Tests.Fixtures;

/// <summary>LocalHost in front of Apps/AspNetCoreProbe (ASP.NET Core integration).</summary>
public sealed class AspNetCoreProbeFixture() : ProbeAppFixture("AspNetCoreProbe");
