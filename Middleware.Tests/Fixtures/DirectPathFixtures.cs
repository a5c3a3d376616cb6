using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using YieldDeps.Functions;

namespace YieldDeps.Tests.Fixtures;

/// <summary>
/// Functions that report, in what they return, the values the worker bound and whether the invocation ran through
/// the engine (its state is in the context's items while the function runs) or straight through.
/// </summary>
public sealed class DirectPathFunctions
{
    public static string PathOf(FunctionContext context) => InvocationItems.Get(context) is null ? "direct" : "engine";

    public HttpResponseData Echo([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, string name, FunctionContext context)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.WriteString($"{name}|{PathOf(context)}");
        return response;
    }

    public HttpResponseData EchoWithDependency([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, C c, FunctionContext context)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.WriteString($"{c.B.A.Open}|{PathOf(context)}");
        return response;
    }

    public HttpResponseData Refuses([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        throw new HttpProblemException(409, "Already taken.");

    public string Queue(string message, FunctionContext context) => $"{message}|{PathOf(context)}";
}
