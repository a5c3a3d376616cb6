using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldDeps.Analyzers.Tests;

/// <summary>
/// Every diagnostic the analyzer assembly reports links to its help page by an absolute address, the repository's
/// address followed by docs/diagnostics/YDnnnn.md, and that page exists: the link works from the package alone.
/// </summary>
public sealed class HelpLinkTests
{
    public static TheoryData<string> DiagnosticIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void TheAnalyzerAssembly_ReportsDiagnostics() =>
        Assert.NotEmpty(AllDescriptors());

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void TheHelpLink_IsTheAbsoluteAddressOfThePage(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);

        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link), $"{id}: '{descriptor.HelpLinkUri}' is not an absolute address");
        Assert.Equal(Uri.UriSchemeHttps, link.Scheme);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void TheHelpPage_Exists(string id) =>
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");

    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .GroupBy(descriptor => descriptor.Id)
            .Select(group => group.First())
            .ToList();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "YieldDeps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the YieldDeps repository.");
    }
}
