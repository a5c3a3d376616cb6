using Microsoft.Azure.Functions.Worker.Converters;

namespace YieldDeps.Functions;

/// <summary>
/// Hands the prepared dependency values to function parameters that carry no binding attribute. Registered first in
/// the worker's converter list, so it is asked for every parameter and must answer Unhandled for all it does not own.
/// A singleton: it reads the invocation's values through the converter context's function context.
/// </summary>
internal sealed class DependencyInputConverter : IInputConverter
{
    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
    {
        var invocation = InvocationItems.Get(context.FunctionContext)?.Invocation;
        return invocation is not null && invocation.TryTakeParameterValue(context.TargetType, out var value)
            ? new(ConversionResult.Success(value))
            : new(ConversionResult.Unhandled());
    }
}
