using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldDeps.Analyzers;

/// <summary>
/// Counts the <c>yield return</c>s an iterator body runs on each path that does not throw: a set of counts, each
/// 0, 1 or "2 or more", carried through blocks, branches, loops, switches and try statements. A path that throws is
/// a setup failure, not a mistake, so it counts for nothing. Statements it does not model (goto) make the result
/// unknown, and the caller then reports nothing.
/// </summary>
internal sealed class YieldCountAnalysis
{
    private const int None = 1;
    private const int Once = 2;
    private const int Many = 4;

    private int _exits;
    private bool _unknown;

    /// <summary>Gets a value indicating whether some path finishes without a yield return.</summary>
    public bool MayFinishWithoutYield { get; private set; }

    /// <summary>Gets a value indicating whether some path runs a second yield return.</summary>
    public bool MayYieldTwice { get; private set; }

    /// <summary>Analyzes an iterator's block body; null when it has statements the analysis does not model.</summary>
    public static YieldCountAnalysis? Run(BlockSyntax body)
    {
        var analysis = new YieldCountAnalysis();
        var end = analysis.Statement(body, None);
        if (analysis._unknown)
        {
            return null;
        }

        var final = end.Fall | analysis._exits;
        analysis.MayFinishWithoutYield = (final & None) != 0;
        return analysis;
    }

    private Flow Statement(StatementSyntax statement, int entry)
    {
        if (entry == 0)
        {
            return Flow.Unreachable;
        }

        switch (statement)
        {
            case BlockSyntax block:
                return Sequence(block.Statements, entry);
            case YieldStatementSyntax yield when yield.IsKind(SyntaxKind.YieldReturnStatement):
                if ((entry & (Once | Many)) != 0)
                {
                    MayYieldTwice = true;
                }

                return Flow.FallingThrough(((entry & None) != 0 ? Once : 0) | ((entry & (Once | Many)) != 0 ? Many : 0));
            case YieldStatementSyntax:
            case ReturnStatementSyntax:
                _exits |= entry;
                return Flow.Unreachable;
            case ThrowStatementSyntax:
                return Flow.Unreachable;
            case BreakStatementSyntax:
                return new Flow(0, entry, 0);
            case ContinueStatementSyntax:
                return new Flow(0, 0, entry);
            case GotoStatementSyntax:
                _unknown = true;
                return Flow.Unreachable;
            case IfStatementSyntax @if:
                {
                    var condition = Constant(@if.Condition);
                    var then = Statement(@if.Statement, condition == false ? 0 : entry);
                    var otherwise = @if.Else is null
                        ? Flow.FallingThrough(condition == true ? 0 : entry)
                        : Statement(@if.Else.Statement, condition == true ? 0 : entry);
                    return then.Join(otherwise);
                }

            case WhileStatementSyntax loop:
                return Loop(loop.Statement, entry, Constant(loop.Condition) == true, bodyFirst: false);
            case ForStatementSyntax loop:
                return Loop(loop.Statement, entry, loop.Condition is null || Constant(loop.Condition) == true, bodyFirst: false);
            case CommonForEachStatementSyntax loop:
                return Loop(loop.Statement, entry, conditionAlwaysTrue: false, bodyFirst: false);
            case DoStatementSyntax loop:
                return Loop(loop.Statement, entry, Constant(loop.Condition) == true, bodyFirst: true);
            case SwitchStatementSyntax @switch:
                return Switch(@switch, entry);
            case TryStatementSyntax @try:
                {
                    var body = Statement(@try.Block, entry);
                    var result = body;
                    foreach (var @catch in @try.Catches)
                    {
                        // A try with a catch cannot hold a yield return, so a catch starts with the counts the try did.
                        result = result.Join(Statement(@catch.Block, entry | body.Fall));
                    }

                    if (@try.Finally is not null && FactoryYields(@try.Finally.Block))
                    {
                        _unknown = true;
                    }

                    return result;
                }

            case UsingStatementSyntax @using:
                return Statement(@using.Statement, entry);
            case LockStatementSyntax @lock:
                return Statement(@lock.Statement, entry);
            case FixedStatementSyntax @fixed:
                return Statement(@fixed.Statement, entry);
            case CheckedStatementSyntax @checked:
                return Statement(@checked.Block, entry);
            case UnsafeStatementSyntax @unsafe:
                return Statement(@unsafe.Block, entry);
            case LabeledStatementSyntax labeled:
                _unknown = true;
                return Statement(labeled.Statement, entry);
            default:
                // Expressions, declarations, local functions: no yield return of this iterator in them.
                return Flow.FallingThrough(entry);
        }
    }

    private Flow Sequence(SyntaxList<StatementSyntax> statements, int entry)
    {
        var fall = entry;
        int breaks = 0, continues = 0;
        foreach (var statement in statements)
        {
            if (statement is LocalFunctionStatementSyntax)
            {
                continue;
            }

            var flow = Statement(statement, fall);
            fall = flow.Fall;
            breaks |= flow.Break;
            continues |= flow.Continue;
        }

        return new Flow(fall, breaks, continues);
    }

    private Flow Loop(StatementSyntax body, int entry, bool conditionAlwaysTrue, bool bodyFirst)
    {
        // Counts entering the body: what came in, plus what each pass of the body leaves; iterated to a fixpoint
        // (the sets only grow, and there are three counts).
        var bodyEntry = entry;
        var atTest = bodyFirst ? 0 : entry;
        var breaks = 0;
        for (var pass = 0; pass < 8; pass++)
        {
            var flow = Statement(body, bodyEntry);
            breaks |= flow.Break;
            atTest |= flow.Fall | flow.Continue;
            var next = entry | atTest;
            if (next == bodyEntry)
            {
                break;
            }

            bodyEntry = next;
        }

        return Flow.FallingThrough((conditionAlwaysTrue ? 0 : atTest) | breaks);
    }

    private Flow Switch(SwitchStatementSyntax @switch, int entry)
    {
        var result = Flow.Unreachable;
        var hasDefault = false;
        foreach (var section in @switch.Sections)
        {
            hasDefault |= section.Labels.Any(l => l is DefaultSwitchLabelSyntax || (l is CasePatternSwitchLabelSyntax { Pattern: DiscardPatternSyntax, WhenClause: null }));
            if (section.Statements.SelectMany(s => s.DescendantNodesAndSelf()).OfType<GotoStatementSyntax>().Any())
            {
                _unknown = true;
            }

            var flow = Sequence(section.Statements, entry);
            result = result.Join(new Flow(flow.Fall | flow.Break, 0, flow.Continue));
        }

        return hasDefault ? result : result.Join(Flow.FallingThrough(entry));
    }

    /// <summary>A condition written as the literal true or false; other conditions may go either way.</summary>
    private static bool? Constant(ExpressionSyntax condition) => condition switch
    {
        ParenthesizedExpressionSyntax parenthesized => Constant(parenthesized.Expression),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) => true,
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression) => false,
        _ => null,
    };

    private static bool FactoryYields(BlockSyntax block) => DependencyFactory.YieldStatements(block).Any();

    /// <summary>The counts that leave a statement by falling through, by break and by continue.</summary>
    private readonly struct Flow(int fall, int @break, int @continue)
    {
        public static Flow Unreachable => new(0, 0, 0);

        public int Fall { get; } = fall;

        public int Break { get; } = @break;

        public int Continue { get; } = @continue;

        public static Flow FallingThrough(int counts) => new(counts, 0, 0);

        public Flow Join(Flow other) => new(Fall | other.Fall, Break | other.Break, Continue | other.Continue);
    }
}
