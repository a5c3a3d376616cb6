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
        try
        {
            return await WriteAsync(context, exception, plain: false).ConfigureAwait(false);
        }
        catch (Exception writeError)
        {
            // The problem itself could not be written (an extension that does not serialize, a response already
            // started): fall back to a bare 500, and keep the write error with the real one.
            YieldDepsLog.ProblemWriteFailed(events.Logger, context.FunctionDefinition.Name, context.InvocationId, writeError);
            try
            {
                return await WriteAsync(context, exception, plain: true).ConfigureAwait(false);
            }
            catch (Exception fallbackError)
            {
                YieldDepsLog.ProblemWriteFailed(events.Logger, context.FunctionDefinition.Name, context.InvocationId, fallbackError);
                return false;
            }
        }
    }

    private async ValueTask<bool> WriteAsync(FunctionContext context, Exception exception, bool plain)
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
            // The plain fallback keeps the status but drops what could have broken the first attempt.
            status = problem.Status;
            headers = plain ? null : problem.Headers;
            body = ProblemDocument.Write(status, problem.Title, problem.Detail, problem.Type, context.InvocationId, plain ? null : problem.Extensions);
            if (!plain)
            {
                YieldDepsLog.HttpProblem(events.Logger, context.FunctionDefinition.Name, context.InvocationId, status, problem.Detail);
            }
        }
        else if (FrameworkStatus.Of(exception) is { } frameworkStatus)
        {
            // The server already decided the status (a body over the size limit, a malformed request): keep it. The
            // framework's message stays in the log, as any exception text does.
            status = frameworkStatus;
            var detail = catalog.IncludeExceptionDetails && !plain ? exception.ToString() : null;
            body = ProblemDocument.Write(status, null, detail, null, context.InvocationId, null);
            if (!plain)
            {
                YieldDepsLog.FrameworkStatus(events.Logger, context.FunctionDefinition.Name, context.InvocationId, status, exception);
            }
        }
        else
        {
            status = 500;
            var detail = catalog.IncludeExceptionDetails && !plain ? exception.ToString() : null;
            body = ProblemDocument.Write(status, null, detail, null, context.InvocationId, null);
            if (!plain)
            {
                YieldDepsLog.UnhandledException(events.Logger, context.FunctionDefinition.Name, context.InvocationId, exception);
            }
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
