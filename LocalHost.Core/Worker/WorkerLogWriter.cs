using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Worker;

/// <summary>Shows the worker's RpcLog messages on the console, with the invocation id when there is one.</summary>
internal sealed class WorkerLogWriter(HostConsole console, bool verbose)
{
    public void Write(RpcLog log)
    {
        var minimum = verbose ? RpcLog.Types.Level.Debug : RpcLog.Types.Level.Information;
        if (log.Level < minimum || log.Level == RpcLog.Types.Level.None
            || log.LogCategory == RpcLog.Types.RpcLogCategory.CustomMetric)
        {
            return;
        }

        var invocation = string.IsNullOrEmpty(log.InvocationId) ? string.Empty : $"[{log.InvocationId}] ";
        var line = $"{invocation}{LevelName(log.Level)} {log.Category}: {log.Message}";
        if (log.Exception is { } exception && !string.IsNullOrEmpty(exception.Message))
        {
            line += Environment.NewLine + "  " + exception.Message;
        }

        if (log.Level >= RpcLog.Types.Level.Error)
        {
            console.WorkerError(line);
        }
        else
        {
            console.Worker(line);
        }
    }

    private static string LevelName(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => "trce",
        RpcLog.Types.Level.Debug => "dbug",
        RpcLog.Types.Level.Information => "info",
        RpcLog.Types.Level.Warning => "warn",
        RpcLog.Types.Level.Error => "fail",
        _ => "crit",
    };
}
