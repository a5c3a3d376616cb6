using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// Turns the exception an HTTP invocation ends with into a problem+json response: the status of an
/// <see cref="HttpProblemException"/>, or a generic 500 that leaks nothing unless the app opted in.
/// Works in both HTTP models, since the ASP.NET Core integration also serves <c>HttpRequestData</c>.
/// </summary>
internal sealed class HttpProblemWriter(DependencyCatalog catalog, LoggingDependencyEvents events)
{
    public async ValueTask<bool> TryWriteAsync(FunctionContext context, Exception exception)
    {
        var request = await context.GetHttpRequestDataAsync().ConfigureAwait(false);
        if (request is null)
        {
            return false;
        }

        byte[] body;
        int status;
        IDictionary<string, string>? headers = null;
        if (exception is HttpProblemException problem)
        {
            status = problem.Status;
            headers = problem.Headers;
            body = ProblemDocument.Write(status, problem.Title, problem.Detail, problem.Type, context.InvocationId, problem.Extensions);
            YieldDepsLog.HttpProblem(events.Logger, context.FunctionDefinition.Name, context.InvocationId, status, problem.Detail);
        }
        else
        {
            status = 500;
            var detail = catalog.IncludeExceptionDetails ? exception.ToString() : null;
            body = ProblemDocument.Write(status, null, detail, null, context.InvocationId, null);
            YieldDepsLog.UnhandledException(events.Logger, context.FunctionDefinition.Name, context.InvocationId, exception);
        }

        var response = HttpResults.CreateResponse(request, status);
        response.Headers.Add("Content-Type", ProblemDocument.ContentType);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                response.Headers.Add(name, value);
            }
        }

        await response.Body.WriteAsync(body).ConfigureAwait(false);
        HttpResults.Replace(context, response);
        return true;
    }
}
