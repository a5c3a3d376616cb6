using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Support;

/// <summary>Response cookies, kept in a list so tests can read what the function or middleware appended.</summary>
internal sealed class TestHttpCookies : HttpCookies
{
    private readonly List<IHttpCookie> _cookies = [];

    public IReadOnlyList<IHttpCookie> Items => _cookies;

    public override void Append(string name, string value) => _cookies.Add(new HttpCookie(name, value));

    public override void Append(IHttpCookie cookie) => _cookies.Add(cookie);

    public override IHttpCookie CreateNew() => new HttpCookie(string.Empty, string.Empty);
}
