using Planner.Core.Catalog;

namespace Planner.Core.Tests.Catalog;

public class MeterTableTests
{
    [Fact]
    public void All_HasOneRowPerMeterInEnumOrder()
    {
        MeterTable.All.Select(m => m.Meter).Should().Equal(Enum.GetValues<Meter>());
        MeterTable.Count.Should().Be(Enum.GetValues<Meter>().Length);
        MeterTable.Meters.Should().Equal(Enum.GetValues<Meter>());
    }

    [Fact]
    public void Names_AreTheFixedOnesOtherCodeReliesOn()
    {
        MeterTable.All.Select(m => m.JsonKey).Should().Equal(
            "text_input", "cached_input", "audio_input", "cached_audio_input", "image_input", "cached_image_input", "text_output", "audio_output");
        MeterTable.All.Select(m => m.TraceColumn).Should().Equal(
            "input_text_tokens", "cached_input_tokens", "input_audio_tokens", "cached_input_audio_tokens",
            "input_image_tokens", "cached_input_image_tokens", "output_text_tokens", "output_audio_tokens");
        MeterTable.All.Select(m => m.PriceField).Should().Equal(
            "text_input", "cached_text_input", "audio_input", "cached_audio_input", "image_input", "cached_image_input", "text_output", "audio_output");
        MeterTable.All.Select(m => m.Label).Should().Equal(
            "Text input", "Cached text input", "Audio input", "Cached audio input", "Image input", "Cached image input", "Text output", "Audio output");
    }

    [Fact]
    public void KeysColumnsFieldsAndLabels_AreEachUnique()
    {
        MeterTable.All.Select(m => m.JsonKey).Should().OnlyHaveUniqueItems();
        MeterTable.All.Select(m => m.TraceColumn).Should().OnlyHaveUniqueItems();
        MeterTable.All.Select(m => m.PriceField).Should().OnlyHaveUniqueItems();
        MeterTable.All.Select(m => m.Label).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void CachedMeters_AreInputsAndNameAnUncachedInputMeter()
    {
        MeterTable.All.Where(m => m.IsCached).Select(m => (m.Meter, m.CachedFormOf)).Should().Equal(
            (Meter.CachedTextInput, Meter.TextInput), (Meter.CachedAudioInput, Meter.AudioInput), (Meter.CachedImageInput, Meter.ImageInput));
        MeterTable.All.Where(m => m.IsCached).Should().OnlyContain(m =>
            m.Direction == MeterDirection.Input && !m.CachedFormOf!.Value.Info().IsCached && m.CachedFormOf.Value.Info().Direction == MeterDirection.Input);
    }

    [Fact]
    public void Directions_SplitInputsFromOutputs()
    {
        MeterTable.All.Where(m => m.Direction == MeterDirection.Output).Select(m => m.Meter).Should().Equal(Meter.TextOutput, Meter.AudioOutput);
        (MeterTable.InputMask | MeterTable.OutputMask).Should().Be((1 << MeterTable.Count) - 1);
        (MeterTable.InputMask & MeterTable.OutputMask).Should().Be(0);
    }

    [Fact]
    public void MeterValues_IndexedByMeter_HoldsEachMetersValueAndComparesByValue()
    {
        var a = default(MeterValues<long>);
        foreach (var meter in MeterTable.Meters)
        {
            a[meter] = (long)meter * 10;
        }

        var b = a;
        MeterTable.Meters.Select(m => a[m]).Should().Equal(0, 10, 20, 30, 40, 50, 60, 70);
        (a == b).Should().BeTrue();
        b[Meter.AudioOutput] = 1;
        (a == b).Should().BeFalse("the last element differs");
    }
}
