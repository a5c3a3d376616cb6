using YieldDeps.LocalHost.FunctionApp;
using YieldDeps.LocalHost.Functions;

namespace YieldDeps.LocalHost.Invocations;

/// <summary>
/// The queues of the app's queue-triggered functions and queue output bindings, and the poison queues (<c>&lt;queue&gt;-poison</c>, as the
/// Storage Queues extension names them), with <c>%Setting%</c> placeholders resolved and lower-cased as queue names are.
/// </summary>
internal sealed class QueueNames(IReadOnlyList<FunctionDescriptor> functions, AppSettingResolver appSettings)
{
    private const string PoisonSuffix = "-poison";

    /// <summary>The queue <paramref name="function"/> is triggered by.</summary>
    public string TriggerQueue(FunctionDescriptor function) =>
        appSettings.Resolve(function.Trigger?.GetString("queueName") ?? function.Name).ToLowerInvariant();

    /// <summary>The queue an output binding writes to.</summary>
    public string OutputQueue(BindingDescriptor binding) =>
        appSettings.Resolve(binding.GetString("queueName") ?? binding.Name).ToLowerInvariant();

    /// <summary>The poison queue of <paramref name="queue"/>.</summary>
    public static string PoisonQueue(string queue) => queue + PoisonSuffix;

    /// <summary>The poison queues of all queue-triggered functions, sorted.</summary>
    public IReadOnlyList<string> PoisonQueues() =>
        functions.Where(function => function.IsTriggeredBy(FunctionDescriptor.QueueTriggerType))
            .Select(function => PoisonQueue(TriggerQueue(function)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The poison queue a name stands for: a poison queue's own name, or the name of the trigger queue whose poison
    /// queue it is. Null when no queue-triggered function reads either.
    /// </summary>
    public string? FindPoisonQueue(string name)
    {
        var poisonQueues = PoisonQueues();
        return poisonQueues.FirstOrDefault(poison => string.Equals(poison, name, StringComparison.OrdinalIgnoreCase))
            ?? poisonQueues.FirstOrDefault(poison => string.Equals(poison, PoisonQueue(name), StringComparison.OrdinalIgnoreCase));
    }
}
