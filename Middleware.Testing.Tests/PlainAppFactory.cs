using PlainApp;

namespace YieldDeps.Testing.Tests;

/// <summary>The plain app with the one setting its Program requires.</summary>
public sealed class PlainAppFactory : FunctionsApplicationFactory<Program>
{
    public PlainAppFactory()
    {
        UseSetting("RequiredSetting", "present");
    }
}
