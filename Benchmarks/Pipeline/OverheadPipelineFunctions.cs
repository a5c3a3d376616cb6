using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using YieldDeps.Benchmarks.Chain;
using YieldDeps.Benchmarks.Overhead;

namespace YieldDeps.Benchmarks.Pipeline;

/// <summary>The functions of the whole-pipeline comparison: the same queue-style body with its resources from each source.</summary>
public static class OverheadPipelineFunctions
{
    public static int Bare(string message) => message.Length;

    public static int FromUnitOfWork(string message, FunctionContext context) =>
        message.Length + OverheadBody.Run((Resource)context.Items[UnitOfWork.Key]);

    public static int WithThree(string message, R3 last) => message.Length + OverheadBody.Run(last);

    public static int WithFive(string message, R5 last) => message.Length + OverheadBody.Run(last);

    public static HttpResponseData Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        request.CreateResponse(HttpStatusCode.OK);
}
