using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed record Tenant(string Name, int Shard, Guid? Trace);

public sealed record Unparsed(Uri Address);

public static class TenantHeaders
{
    /// <summary>A required header, an optional one with a default, and a nullable one.</summary>
    public static Tenant Read([Header("x-tenant")] string name, [Header("x-shard")] int shard = 1, [Header("x-trace")] Guid? trace = null) =>
        new(name, shard, trace);

    public static Unparsed NotSimple([Header("x-address")] Uri address) => new(address);
}

public sealed class HeaderFunctions
{
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, Tenant tenant)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync($"{tenant.Name}/{tenant.Shard}/{tenant.Trace?.ToString() ?? "-"}");
        return response;
    }
}
