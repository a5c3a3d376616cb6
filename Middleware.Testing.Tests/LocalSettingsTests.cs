namespace YieldDeps.Testing.Tests;

/// <summary>The app's local.settings.json (PlainApp's, copied to the output folder) read as func start reads it.</summary>
public sealed class LocalSettingsTests
{
    private static async Task<string?> SettingAsync(FunctionsApplicationFactory<PlainApp.Program> factory, string name)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/settings/{name}");
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    [Fact]
    public async Task TheValuesOfLocalSettings_ReachTheAppsConfiguration_WithoutAnEnvironmentVariable()
    {
        await using var factory = new PlainAppFactory();

        Assert.Equal("local", await SettingAsync(factory, "FromLocalSettings"));
        Assert.Null(Environment.GetEnvironmentVariable("FromLocalSettings"));
    }

    [Fact]
    public async Task ATestsSetting_WinsOverLocalSettings()
    {
        await using var factory = new PlainAppFactory().WithSetting("Overridden", "test");

        Assert.Equal("test", await SettingAsync(factory, "Overridden"));
        Assert.Equal("local", await SettingAsync(factory, "FromLocalSettings"));
    }

    [Fact]
    public async Task WithUseLocalSettingsOff_TheFileIsNotRead()
    {
        await using var factory = new PlainAppFactory { UseLocalSettings = false };

        Assert.Null(await SettingAsync(factory, "FromLocalSettings"));
    }
}
