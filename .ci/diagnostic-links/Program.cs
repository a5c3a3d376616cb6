using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

// Usage: DiagnosticLinks ANALYZERS.dll
// Prints "ID<tab>HELP LINK" for every diagnostic that the assembly's analyzers report, one a line, by id.
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: DiagnosticLinks ANALYZERS.dll (an analyzer assembly that exists)");
    return 2;
}

var assembly = Assembly.LoadFrom(Path.GetFullPath(args[0]));
var descriptors = assembly.GetTypes()
    .Where(type => !type.IsAbstract
        && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
        && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
    .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
    .GroupBy(descriptor => descriptor.Id)
    .Select(group => group.First())
    .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal);

foreach (var descriptor in descriptors)
{
    Console.WriteLine($"{descriptor.Id}\t{descriptor.HelpLinkUri}");
}

return 0;
