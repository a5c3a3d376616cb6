namespace PlainApp;

/// <summary>Greets someone; a service the functions take from DI.</summary>
public interface IGreeter
{
    string Greet(string name);
}

/// <summary>The app's own greeter.</summary>
public sealed class Greeter(string greeting) : IGreeter
{
    public string Greet(string name) => $"{greeting}, {name}";
}
