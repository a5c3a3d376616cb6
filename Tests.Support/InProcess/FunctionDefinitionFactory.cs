using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Support;

/// <summary>
/// Builds the function definition the worker would receive for a method: bindings derived from attributes the
/// way the SDK's metadata generator derives them, parameters and their converter properties the way the gRPC
/// layer builds them on a function load request.
/// </summary>
internal static class FunctionDefinitionFactory
{
    private const string ReturnBindingName = "$return";
    private const string HttpBindingType = "http";
    private const string HttpTriggerBindingType = "httpTrigger";

    // Keys of the worker's (internal) PropertyBagKeys, read by its input conversion feature.
    private const string ConverterTypeKey = "converterType";
    private const string BindingAttributeKey = "bindingAttribute";
    private const string ConverterFallbackBehaviorKey = "converterFallbackBehavior";
    private const string SupportedConvertersKey = "bindingAttributeSupportedConverters";

    public static HarnessFunctionDefinition Create(MethodInfo method, TriggerInput trigger)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(trigger);
        EnsureLocatable(method);

        var parameterInfos = method.GetParameters().Where(p => p.Name is not null).ToArray();
        var inputBindings = ImmutableDictionary.CreateBuilder<string, BindingMetadata>();

        foreach (var parameter in parameterInfos)
        {
            var attribute = parameter.GetCustomAttributes<BindingAttribute>().FirstOrDefault(a => a is not OutputBindingAttribute);
            if (attribute is not null)
            {
                inputBindings[parameter.Name!] = new HarnessBindingMetadata(parameter.Name!, BindingTypeOf(attribute), BindingDirection.In);
            }
        }

        var triggerBinding = ResolveTrigger(method, parameterInfos, trigger, inputBindings);
        var outputBindings = OutputBindingsOf(method, inputBindings.Values.Any(b => b.Type == HttpTriggerBindingType));

        var parameters = parameterInfos
            .Select(p => new FunctionParameter(p.Name!, p.ParameterType, p.HasDefaultValue, p.DefaultValue, ConverterPropertiesOf(p)))
            .ToImmutableArray();

        var name = method.GetCustomAttribute<FunctionAttribute>()?.Name ?? $"{method.DeclaringType!.Name}.{method.Name}";
        var id = StableId(method, triggerBinding);

        return new HarnessFunctionDefinition(id, name, method, parameters, inputBindings.ToImmutable(), outputBindings, triggerBinding);
    }

    /// <summary>The reflection executor finds the method again from EntryPoint with Type.GetMethod(name): reject what it cannot find.</summary>
    private static void EnsureLocatable(MethodInfo method)
    {
        var type = method.DeclaringType ?? throw new ArgumentException("The function method must belong to a type.", nameof(method));
        if (type.ContainsGenericParameters)
        {
            throw new ArgumentException($"{type} is generic; the worker cannot load functions from open generic types.", nameof(method));
        }

        MethodInfo? found;
        try
        {
            found = type.Assembly.GetType(type.FullName!)?.GetMethod(method.Name);
        }
        catch (AmbiguousMatchException)
        {
            throw new ArgumentException($"{type.FullName}.{method.Name} is overloaded; the worker's method locator cannot pick one.", nameof(method));
        }

        if (found is null || !found.HasSameMetadataDefinitionAs(method))
        {
            throw new ArgumentException($"{type.FullName}.{method.Name} must be a public method; the worker's method locator only finds public ones.", nameof(method));
        }
    }

    private static BindingMetadata ResolveTrigger(
        MethodInfo method,
        ParameterInfo[] parameters,
        TriggerInput trigger,
        ImmutableDictionary<string, BindingMetadata>.Builder inputBindings)
    {
        var attributed = parameters.Where(p => p.GetCustomAttribute<TriggerBindingAttribute>() is not null).ToArray();
        if (attributed.Length > 1)
        {
            throw new ArgumentException($"{method.Name} has more than one trigger parameter.", nameof(method));
        }

        if (attributed.Length == 1)
        {
            var binding = inputBindings[attributed[0].Name!];
            if (trigger.ParameterName is not null && trigger.ParameterName != binding.Name)
            {
                throw new ArgumentException($"The trigger input names parameter '{trigger.ParameterName}' but {method.Name}'s trigger parameter is '{binding.Name}'.", nameof(trigger));
            }

            if (!string.Equals(binding.Type, trigger.BindingType, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{method.Name} has a '{binding.Type}' trigger but the trigger input is '{trigger.BindingType}'.", nameof(trigger));
            }

            return binding;
        }

        // No trigger attribute: the test declares the trigger, which then appears in the metadata like an attributed one.
        var parameterName = trigger.ParameterName
            ?? throw new ArgumentException($"{method.Name} has no trigger attribute; name its trigger parameter in the trigger input.", nameof(trigger));
        if (!parameters.Any(p => p.Name == parameterName))
        {
            throw new ArgumentException($"{method.Name} has no parameter named '{parameterName}'.", nameof(trigger));
        }

        var declared = new HarnessBindingMetadata(parameterName, trigger.BindingType, BindingDirection.In);
        inputBindings[parameterName] = declared;
        return declared;
    }

    private static IImmutableDictionary<string, BindingMetadata> OutputBindingsOf(MethodInfo method, bool hasHttpTrigger)
    {
        var outputs = ImmutableDictionary.CreateBuilder<string, BindingMetadata>();

        var methodOutput = method.GetCustomAttributes<OutputBindingAttribute>().FirstOrDefault();
        if (methodOutput is not null)
        {
            outputs[ReturnBindingName] = Output(ReturnBindingName, BindingTypeOf(methodOutput));
            return outputs.ToImmutable();
        }

        var returnType = method.ReturnType;
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            returnType = returnType.GetGenericArguments()[0];
        }

        if (returnType == typeof(void) || returnType == typeof(Task))
        {
            return outputs.ToImmutable();
        }

        if (returnType == typeof(HttpResponseData))
        {
            outputs[ReturnBindingName] = Output(ReturnBindingName, HttpBindingType);
            return outputs.ToImmutable();
        }

        // A POCO return: each property with an output attribute, and the one HTTP response property, is a binding.
        foreach (var property in returnType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.PropertyType == typeof(HttpResponseData) || property.GetCustomAttributes().Any(a => a.GetType().FullName == "Microsoft.Azure.Functions.Worker.HttpResultAttribute"))
            {
                outputs[property.Name] = Output(property.Name, HttpBindingType);
            }
            else if (property.GetCustomAttributes<OutputBindingAttribute>().FirstOrDefault() is { } attribute)
            {
                outputs[property.Name] = Output(property.Name, BindingTypeOf(attribute));
            }
        }

        if (outputs.Count == 0 && hasHttpTrigger)
        {
            outputs[ReturnBindingName] = Output(ReturnBindingName, HttpBindingType);
        }

        return outputs.ToImmutable();
    }

    private static HarnessBindingMetadata Output(string name, string type) => new(name, type, BindingDirection.Out);

    /// <summary>"QueueTriggerAttribute" becomes "queueTrigger", "BlobInputAttribute" "blob", "QueueOutputAttribute" "queue".</summary>
    private static string BindingTypeOf(BindingAttribute attribute)
    {
        var type = attribute.GetType().Name
            .Replace("TriggerAttribute", "Trigger", StringComparison.Ordinal)
            .Replace("InputAttribute", string.Empty, StringComparison.Ordinal)
            .Replace("OutputAttribute", string.Empty, StringComparison.Ordinal)
            .Replace("Attribute", string.Empty, StringComparison.Ordinal);
        return char.ToLowerInvariant(type[0]) + type[1..];
    }

    /// <summary>The converter hints the worker attaches to a parameter: an explicit [InputConverter], or the binding attribute's advertised converters.</summary>
    private static IReadOnlyDictionary<string, object> ConverterPropertiesOf(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<InputConverterAttribute>() is { } explicitConverter)
        {
            return ImmutableDictionary<string, object>.Empty.Add(ConverterTypeKey, explicitConverter.ConverterType.AssemblyQualifiedName!);
        }

        BindingAttribute? attribute = parameter.GetCustomAttribute<InputBindingAttribute>();
        attribute ??= parameter.GetCustomAttribute<TriggerBindingAttribute>();
        if (attribute is null)
        {
            return ImmutableDictionary<string, object>.Empty;
        }

        var attributeType = attribute.GetType();
        var converters = attributeType.GetCustomAttributes<InputConverterAttribute>().ToArray();
        var supported = converters.ToDictionary(c => c.ConverterType, c => SupportedTargetTypesOf(c.ConverterType));

        var properties = new Dictionary<string, object>
        {
            [BindingAttributeKey] = attribute,
            [SupportedConvertersKey] = supported,
        };

        if (converters.Length > 0)
        {
            properties[ConverterFallbackBehaviorKey] =
                attributeType.GetCustomAttribute<ConverterFallbackBehaviorAttribute>()?.Behavior ?? ConverterFallbackBehavior.Default;
        }

        return properties.ToImmutableDictionary();
    }

    private static List<Type> SupportedTargetTypesOf(Type converterType) =>
        converterType.GetCustomAttributes<SupportedTargetTypeAttribute>(inherit: false).Select(a => a.TargetType).ToList();

    /// <summary>The same method (and declared trigger) gets the same id in every harness, as a host keeps a function's id.</summary>
    private static string StableId(MethodInfo method, BindingMetadata trigger)
    {
        var key = $"{method.DeclaringType!.Assembly.FullName}|{method.DeclaringType.FullName}.{method.Name}|{trigger.Name}|{trigger.Type}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
