using System.Reflection;

namespace YieldDeps.Testing.Factory;

/// <summary>
/// Runs an app's entry point (<c>Main</c>, or the one top-level statements generate) on a thread of its own, with
/// the given arguments, as the process would have; the returned task says when and how it ended.
/// </summary>
internal static class EntryPointRunner
{
    public static Task Start(Assembly assembly, string[] args, HostingEventObserver observer)
    {
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException(
                $"The assembly {assembly.GetName().Name} has no entry point: FunctionsApplicationFactory<TEntryPoint> needs a type of the function app (usually its Program).");
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            observer.MarkCurrentFlow();
            try
            {
                var parameters = entryPoint.GetParameters().Length == 0 ? null : new object[] { args };
                var result = entryPoint.Invoke(null, parameters);
                if (result is Task task)
                {
                    task.GetAwaiter().GetResult();
                }

                completed.TrySetResult();
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                completed.TrySetException(exception.InnerException);
            }
            catch (Exception exception)
            {
                completed.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = $"{assembly.GetName().Name} entry point",
        };
        thread.Start();
        return completed.Task;
    }
}
