namespace YieldDeps.Engine;

/// <summary>How one parameter of a dependency (or of the function class constructor) is resolved, decided once per plan.</summary>
internal sealed class ArgumentSource
{
    private ArgumentSource(ArgumentKind kind, Type type, string name)
    {
        Kind = kind;
        Type = type;
        Name = name;
    }

    public ArgumentKind Kind { get; }

    public Type Type { get; }

    public string Name { get; }

    /// <summary>Gets the slot of the sub-dependency, for <see cref="ArgumentKind.Dependency"/>.</summary>
    public int Slot { get; private init; } = -1;

    public ContextValueSource? Context { get; private init; }

    public bool IsOptional { get; private init; }

    public object? DefaultValue { get; private init; }

    public static ArgumentSource Dependency(Type type, string name, int slot) => new(ArgumentKind.Dependency, type, name) { Slot = slot };

    public static ArgumentSource FromContext(Type type, string name, ContextValueSource source) => new(ArgumentKind.Context, type, name) { Context = source };

    public static ArgumentSource Of(ArgumentKind kind, Type type, string name) => new(kind, type, name);

    public static ArgumentSource Service(Type type, string name, bool optional, object? defaultValue) =>
        new(ArgumentKind.Service, type, name) { IsOptional = optional, DefaultValue = defaultValue };

    public static ArgumentSource Simple(Type type, string name, bool optional, object? defaultValue) =>
        new(ArgumentKind.SimpleValue, type, name) { IsOptional = optional, DefaultValue = defaultValue };

    /// <summary>A header value: <paramref name="header"/> is the header's name, kept in <see cref="Name"/>.</summary>
    public static ArgumentSource Header(Type type, string header, bool optional, object? defaultValue) =>
        new(ArgumentKind.Header, type, header) { IsOptional = optional, DefaultValue = defaultValue };

    public static ArgumentSource Default(Type type, string name, object? defaultValue) =>
        new(ArgumentKind.Default, type, name) { IsOptional = true, DefaultValue = defaultValue };
}
