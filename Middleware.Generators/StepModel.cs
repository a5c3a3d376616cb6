namespace YieldDeps.Generators;

/// <summary>
/// One case of the generated code, as plain text so the generator's pipeline can compare it from one edit to the
/// next: a factory method, a dependency class or a function class, how it is entered, and the types of its call.
/// </summary>
internal sealed class StepModel : IEquatable<StepModel>
{
    public StepModel(StepKind kind, string declaringType, string member, string valueType, IReadOnlyList<string> parameterTypes)
    {
        Kind = kind;
        DeclaringType = declaringType;
        Member = member;
        ValueType = valueType;
        ParameterTypes = parameterTypes;
        Key = $"{(int)kind}|{declaringType}|{member}|{valueType}|{string.Join(",", parameterTypes)}";
    }

    public StepKind Kind { get; }

    /// <summary>Gets the fully qualified type that declares the method, or the class created.</summary>
    public string DeclaringType { get; }

    /// <summary>Gets the method's name, or <c>.ctor</c>.</summary>
    public string Member { get; }

    /// <summary>Gets the fully qualified type the dependency provides (empty for a function class).</summary>
    public string ValueType { get; }

    public IReadOnlyList<string> ParameterTypes { get; }

    /// <summary>Gets everything above in one string: what identifies and compares the case.</summary>
    public string Key { get; }

    public bool Equals(StepModel? other) => other is not null && other.Key == Key;

    public override bool Equals(object? obj) => Equals(obj as StepModel);

    public override int GetHashCode() => Key.GetHashCode();
}
