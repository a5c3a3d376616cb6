namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>Faults injected from outside the app while a round's requests are being sent.</summary>
public interface ILoadFaults
{
    /// <summary>Starts injecting, as the round starts sending.</summary>
    void Start();

    /// <summary>Runs once half of the round's requests are answered, beside the rest of the round.</summary>
    Task MidRoundAsync();

    /// <summary>Stops injecting once every request is answered, before the round's checks.</summary>
    Task StopAsync();
}
