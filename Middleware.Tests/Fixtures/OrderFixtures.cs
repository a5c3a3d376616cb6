using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

public sealed class GlobalMark;

public sealed class ClassMark;

public sealed class MethodMark;

public sealed class CtorMark;

public sealed class ParamMark;

public sealed class ParamSub;

public sealed class SecondParamMark;

/// <summary>Journals setup and teardown of each marker, so the order of both can be read back.</summary>
public static class Marks
{
    public static IEnumerable<GlobalMark> Global(Journal journal)
    {
        journal.Add("setup global");
        try
        {
            yield return new GlobalMark();
        }
        finally
        {
            journal.Add("teardown global");
        }
    }

    public static IEnumerable<ClassMark> Class(Journal journal)
    {
        journal.Add("setup class");
        try
        {
            yield return new ClassMark();
        }
        finally
        {
            journal.Add("teardown class");
        }
    }

    public static IEnumerable<MethodMark> Method(Journal journal)
    {
        journal.Add("setup method");
        try
        {
            yield return new MethodMark();
        }
        finally
        {
            journal.Add("teardown method");
        }
    }

    public static IEnumerable<CtorMark> Ctor(Journal journal)
    {
        journal.Add("setup ctor");
        try
        {
            yield return new CtorMark();
        }
        finally
        {
            journal.Add("teardown ctor");
        }
    }

    public static IEnumerable<ParamSub> Sub(Journal journal)
    {
        journal.Add("setup param-sub");
        try
        {
            yield return new ParamSub();
        }
        finally
        {
            journal.Add("teardown param-sub");
        }
    }

    public static IEnumerable<ParamMark> Param(ParamSub sub, Journal journal)
    {
        journal.Add("setup param");
        try
        {
            yield return new ParamMark();
        }
        finally
        {
            journal.Add("teardown param");
        }
    }

    public static IEnumerable<SecondParamMark> SecondParam(Journal journal)
    {
        journal.Add("setup second-param");
        try
        {
            yield return new SecondParamMark();
        }
        finally
        {
            journal.Add("teardown second-param");
        }
    }

    public static void Register(DependencyRegistry deps) =>
        deps.Add(Global).Add(Class).Add(Method).Add(Ctor).Add(Sub).Add(Param).Add(SecondParam).AddGlobal<GlobalMark>();
}

[Depends(typeof(ClassMark))]
public sealed class OrderedFunctions(CtorMark ctor, Journal journal)
{
    public CtorMark Ctor { get; } = ctor;

    [Depends(typeof(MethodMark))]
    public void Run([QueueTrigger("order")] string message, ParamMark param, SecondParamMark second) => journal.Add("body");
}
