using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Worker;

/// <summary>
/// The startup handshake, in the Functions host's order: wait for StartStream, WorkerInitRequest,
/// FunctionsMetadataRequest (or functions.metadata when the worker asks for default indexing),
/// then one FunctionLoadRequest per function.
/// </summary>
/// <param name="workerGone">Completes, with the sentence to report, if the worker ends before it has connected.</param>
/// <param name="appDirectory">The app's folder, as the worker and function app directory of the requests.</param>
internal sealed class WorkerStartup(WorkerConnection connection, Task<string> workerGone, string appDirectory, TimeSpan timeout, HostConsole console)
{
    public const string HttpUriCapability = "HttpUri";

    private const string HostVersion = "4.1000.0-localhost";

    public async Task<WorkerStartupResult> RunAsync(CancellationToken cancellationToken)
    {
        await WaitForConnectionAsync(cancellationToken);

        var init = await RequestAsync(
            new StreamingMessage
            {
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = HostVersion,
                    WorkerDirectory = appDirectory,
                    FunctionAppDirectory = appDirectory,
                },
            },
            "WorkerInitRequest",
            cancellationToken);
        var initResponse = init.WorkerInitResponse
            ?? throw new StartupException("The worker answered WorkerInitRequest with something else.");
        EnsureSuccess(initResponse.Result, "The worker failed to initialize");

        var metadata = await RequestAsync(
            new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory } },
            "FunctionsMetadataRequest",
            cancellationToken);
        var metadataResponse = metadata.FunctionMetadataResponse
            ?? throw new StartupException("The worker answered FunctionsMetadataRequest with something else.");
        EnsureSuccess(metadataResponse.Result, "The worker could not list its functions");

        var definitions = metadataResponse.UseDefaultMetadataIndexing
            ? FunctionMetadataFile.Read(appDirectory)
            : metadataResponse.FunctionMetadataResults.ToArray();

        var loads = definitions.Select(definition => LoadAsync(definition, cancellationToken)).ToArray();
        var loaded = (await Task.WhenAll(loads)).OfType<FunctionDescriptor>().ToArray();
        return new WorkerStartupResult(initResponse.Capabilities.ToDictionary(pair => pair.Key, pair => pair.Value), loaded);
    }

    private async Task WaitForConnectionAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var waiting = Task.Delay(Timeout.Infinite, limit.Token);
        var first = await Task.WhenAny(connection.Connected, workerGone, waiting);
        cancellationToken.ThrowIfCancellationRequested();
        if (first == workerGone)
        {
            throw new StartupException(workerGone.Result);
        }

        if (first == waiting)
        {
            throw new StartupException($"The worker did not connect within {timeout.TotalSeconds:0} seconds.");
        }
    }

    private async Task<FunctionDescriptor?> LoadAsync(RpcFunctionMetadata definition, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(definition.FunctionId))
        {
            definition.FunctionId = Guid.NewGuid().ToString();
        }

        if (string.IsNullOrEmpty(definition.Directory))
        {
            definition.Directory = appDirectory;
        }

        var response = await RequestAsync(
            new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = definition.FunctionId, Metadata = definition } },
            $"FunctionLoadRequest for {definition.Name}",
            cancellationToken);
        var result = response.FunctionLoadResponse?.Result;
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            console.Error($"function {definition.Name} failed to load and is not served: {result?.Exception?.Message ?? "no reason given"}");
            return null;
        }

        var function = new FunctionDescriptor(definition);
        if (function.Trigger is null)
        {
            console.Error($"function {definition.Name} has no trigger binding and is not served.");
            return null;
        }

        return function;
    }

    private async Task<StreamingMessage> RequestAsync(StreamingMessage message, string what, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await connection.RequestAsync(message, limit.Token);
        }
        catch (WorkerUnavailableException exception)
        {
            throw new StartupException($"{what} failed: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StartupException($"The worker did not answer {what} within {timeout.TotalSeconds:0} seconds.");
        }
    }

    private static void EnsureSuccess(StatusResult? result, string failure)
    {
        if (result is not null && result.Status != StatusResult.Types.Status.Success)
        {
            throw new StartupException($"{failure}: {result.Exception?.Message ?? result.Result}");
        }
    }
}
