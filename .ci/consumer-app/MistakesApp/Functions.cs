using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using YieldDeps;

namespace MistakesApp;

public static class Functions
{
    [Function("Book")]
    [Depends(typeof(Audit))]  // YD0004: Audit is not registered
    public static string Book([HttpTrigger("post")] HttpRequest request, Unit unit, Ledger ledger) => "ok";  // YD0003: nothing supplies Ledger

    [Function("Stock")]
    public static string Stock([HttpTrigger("post")] HttpRequest request, ShopDb db) => "ok";  // YD0007: the context has no unit of work

    [Function("Export")]
    public static IResult Export([HttpTrigger("get")] HttpRequest request, Reader reader) =>
        Results.Ok(reader.Rows());  // YD0008: read lazily after the function-scoped reader was torn down
}
