namespace YieldDeps.EndToEnd.Tests.Fixtures;

/// <summary>LocalHost in front of Apps/BuiltInHttpProbe (built-in HttpRequestData model).</summary>
public sealed class BuiltInProbeFixture() : ProbeAppFixture("BuiltInHttpProbe");
