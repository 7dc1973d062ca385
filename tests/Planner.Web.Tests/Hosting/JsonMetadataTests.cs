using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Web.Api;

namespace Planner.Web.Tests.Hosting;

public class JsonMetadataTests
{
    /// <summary>A record no context lists.</summary>
    private sealed record Unlisted(int Value);

    [Fact]
    public async Task TheApisJson_HasSourceGeneratedMetadataOnly_AsInTheNativeBuild()
    {
        // This test process has reflection on (Playwright needs it), so ASP.NET Core appends its reflection resolver to
        // the HTTP JSON options; the app must take it out again, or a type with no metadata would pass every test here
        // and fail only in the native build.
        await using var app = PlannerWeb.Build(WebHost.Options(), builder => builder.WebHost.UseTestServer());
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        options.TryGetTypeInfo(typeof(Unlisted), out _).Should().BeFalse("no reflection fallback");
        options.TryGetTypeInfo(typeof(CostResult), out _).Should().BeTrue("the contract's context");
        options.TryGetTypeInfo(typeof(CostQuery), out _).Should().BeTrue("the web's context: a POST body in /openapi.json");
        options.TryGetTypeInfo(typeof(ApiErrors), out _).Should().BeTrue("the web's context: the 400 answer");
        options.PropertyNamingPolicy.Should().Be(JsonNamingPolicy.SnakeCaseLower);
    }
}
