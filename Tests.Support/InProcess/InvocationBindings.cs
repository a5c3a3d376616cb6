using System.Collections.ObjectModel;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Support;

/// <summary>
/// The per-invocation bindings state that the gRPC layer keeps for the worker (its internal
/// <c>IFunctionBindingsFeature</c>): trigger metadata, input data, output binding data and the invocation result.
/// </summary>
internal sealed class InvocationBindings
{
    private readonly FunctionContext _context;
    private readonly TriggerInput _trigger;
    private readonly string _triggerName;
    private readonly Func<FunctionDefinition, object> _outputBindingsInfoFactory;
    private IReadOnlyDictionary<string, object?>? _inputData;
    private object? _outputBindingsInfo;

    public InvocationBindings(
        FunctionContext context,
        HarnessFunctionDefinition definition,
        TriggerInput trigger,
        Func<FunctionDefinition, object> outputBindingsInfoFactory)
    {
        _context = context;
        _trigger = trigger;
        _triggerName = definition.Trigger.Name;
        _outputBindingsInfoFactory = outputBindingsInfoFactory;

        // Like the gRPC layer: keys compare case-insensitively.
        TriggerMetadata = new ReadOnlyDictionary<string, object?>(
            new Dictionary<string, object?>(trigger.BindingData, StringComparer.OrdinalIgnoreCase));
    }

    public IReadOnlyDictionary<string, object?> TriggerMetadata { get; }

    /// <summary>Built on first use, because an HTTP request object needs the context (as in the gRPC layer).</summary>
    public IReadOnlyDictionary<string, object?> InputData => _inputData ??= CreateInputData();

    public IDictionary<string, object?> OutputBindingData { get; } = new Dictionary<string, object?>();

    public object? InvocationResult { get; set; }

    /// <summary>The HTTP request handed to the worker, if this is an HTTP invocation and input data was read.</summary>
    public TestHttpRequestData? HttpRequest { get; private set; }

    private object OutputBindingsInfo => _outputBindingsInfo ??= _outputBindingsInfoFactory(_context.FunctionDefinition);

    /// <summary>An object implementing the worker's internal bindings feature interface over this state.</summary>
    public object CreateFeature() => InterfaceProxy.Create(WorkerInternalTypes.FunctionBindingsFeature, Dispatch);

    private object? Dispatch(MethodInfo method, object?[]? args) => method.Name switch
    {
        "get_TriggerMetadata" => TriggerMetadata,
        "get_InputData" => InputData,
        "get_OutputBindingData" => OutputBindingData,
        "get_OutputBindingsInfo" => OutputBindingsInfo,
        "get_InvocationResult" => InvocationResult,
        "set_InvocationResult" => SetInvocationResult(args![0]),
        _ => throw InterfaceProxy.Unsupported(method),
    };

    private object? SetInvocationResult(object? value)
    {
        InvocationResult = value;
        return null;
    }

    private IReadOnlyDictionary<string, object?> CreateInputData()
    {
        var data = new Dictionary<string, object?>(_trigger.InputData, StringComparer.OrdinalIgnoreCase);
        if (_trigger.HttpRequest is { } http)
        {
            HttpRequest = new TestHttpRequestData(_context, http.Method, http.Url, http.Body, http.Headers);
            data[_triggerName] = HttpRequest;
        }
        else
        {
            data[_triggerName] = _trigger.Value;
        }

        return new ReadOnlyDictionary<string, object?>(data);
    }
}
