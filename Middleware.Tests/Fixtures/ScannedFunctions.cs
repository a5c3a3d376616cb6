using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

/// <summary>A [Function] the startup scan must find and reject: it declares a dependency nobody registered.</summary>
public static class ScannedFunctions
{
    [Function("ScannedBroken")]
    [Depends(typeof(Unregistered))]
    public static void Run([QueueTrigger("scanned")] string message)
    {
    }
}
