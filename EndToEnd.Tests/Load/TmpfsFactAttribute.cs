namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// A fact that mounts a tmpfs (<see cref="TmpfsMount"/>), which takes root or <c>sudo</c> without a password. On a
/// developer machine with neither, the test is skipped and says why; in CI (CI=true) it always runs, and fails there
/// if it cannot mount.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && !TmpfsMount.CanMount())
        {
            Skip = "Mounting the test's small tmpfs takes root or sudo without a password; run as root, or with sudo -n working, or in CI (bash .ci/run).";
        }
    }
}
