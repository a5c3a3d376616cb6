using Microsoft.Azure.Functions.Worker.Converters;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>
/// A converter meant to be registered first: records every parameter it is asked about and binds <see cref="Widget"/>
/// from the invocation's Items (where middleware put it).
/// </summary>
public sealed class WidgetConverter(Recorder recorder) : IInputConverter
{
    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
    {
        recorder.Add($"converter:{context.TargetType.Name}:{context.Source?.GetType().Name ?? "null"}");

        if (context.TargetType == typeof(Widget)
            && context.FunctionContext.Items.TryGetValue(RecordingMiddleware.WidgetItemKey, out var widget))
        {
            return ValueTask.FromResult(ConversionResult.Success(widget));
        }

        return ValueTask.FromResult(ConversionResult.Unhandled());
    }
}
