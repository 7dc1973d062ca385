using Planner.Core.Pricing;

namespace Planner.Core.Tests.Pricing;

public class RequestCapsTests
{
    private static readonly Planner.Core.Catalog.ModelSpec Mini = TestData.Catalog.Resolve("gpt-audio-mini").Model;

    [Fact]
    public void Check_OutputAtTheCap_IsAllowed() =>
        RequestCaps.Check(Mini, Usage.Of(textOutput: 16_000, audioOutput: 384)).Should().Be(RequestViolation.None);

    [Fact]
    public void Ensure_OutputOverTheCap_NamesModelFigureAndCap()
    {
        var act = () => RequestCaps.Ensure(Mini, Usage.Of(textOutput: 16_000, audioOutput: 385));

        act.Should().Throw<PlannerException>().Where(e => e.Kind == PlannerErrorKind.OutputCapExceeded)
            .WithMessage("output of 16,385 tokens exceeds gpt-audio-mini's 16,384-token output cap");
    }

    [Fact]
    public void Check_ContextExactlyFull_IsAllowed() =>
        RequestCaps.Check(Mini, Usage.Of(textInput: 100_000, audioInput: 11_616, audioOutput: 16_384)).Should().Be(RequestViolation.None);

    [Fact]
    public void Ensure_InputPlusOutputOverTheContext_NamesTheSum()
    {
        var act = () => RequestCaps.Ensure(Mini, Usage.Of(textInput: 100_000, cachedInput: 1, audioInput: 11_616, audioOutput: 16_384));

        act.Should().Throw<PlannerException>().Where(e => e.Kind == PlannerErrorKind.ContextWindowExceeded)
            .WithMessage("input of 111,617 + output of 16,384 = 128,001 tokens exceeds gpt-audio-mini's 128,000-token context window");
    }
}
